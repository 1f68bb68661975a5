/**
 * Second opinions from parsers someone else wrote: Python's standard library (xml.etree for XML,
 * zipfile for archives), run as a child process. The tests never read our own output with our own code.
 */
import { execFileSync } from 'node:child_process'

export interface XmlNode {
  /** `{namespace}local`, as ElementTree names elements. */
  tag: string
  attrib: Record<string, string>
  text: string
  children: XmlNode[]
}

const XML_SCRIPT = `
import json, sys, xml.etree.ElementTree as ET
def node(e):
    return {"tag": e.tag, "attrib": dict(e.attrib), "text": (e.text or "").strip(), "children": [node(c) for c in e]}
print(json.dumps(node(ET.fromstring(sys.stdin.buffer.read()))))
`

function python(script: string, args: string[], input?: string | Uint8Array): string {
  try {
    return execFileSync('python3', ['-c', script, ...args], { input, maxBuffer: 64 * 1024 * 1024 }).toString('utf8')
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer }
    if (e.code === 'ENOENT') throw new Error('python3 is needed for these tests (its xml.etree and zipfile read what Debrief writes): install Python 3.')
    throw new Error(`python3 refused the input: ${e.stderr?.toString('utf8').trim().split('\n').at(-1) ?? String(error)}`)
  }
}

/** The document as ElementTree parses it (throws with Python's message when it is not well-formed XML). */
export function parseXml(xml: string | Uint8Array): XmlNode {
  return JSON.parse(python(XML_SCRIPT, [], xml)) as XmlNode
}

/** Children of `node` named `{ns}local`. */
export function childrenNamed(node: XmlNode, ns: string, local: string): XmlNode[] {
  return node.children.filter((c) => c.tag === `{${ns}}${local}`)
}

/** The one child named `{ns}local`; fails the test if there is not exactly one. */
export function onlyChild(node: XmlNode, ns: string, local: string): XmlNode {
  const found = childrenNamed(node, ns, local)
  if (found.length !== 1) throw new Error(`expected one ${local} in ${node.tag}, found ${found.length}`)
  return found[0]!
}

export interface ZipReport {
  /** zipfile.testzip(): the first member with a bad CRC, or null. */
  bad: string | null
  names: string[]
  /** Per member: compression method, general-purpose flags, size, date_time. */
  infos: { name: string; method: number; flags: number; size: number; date: number[] }[]
  /** Contents (UTF-8) of the members asked for. */
  texts: Record<string, string>
}

const ZIP_SCRIPT = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    infos = [{"name": i.filename, "method": i.compress_type, "flags": i.flag_bits, "size": i.file_size, "date": list(i.date_time)} for i in z.infolist()]
    print(json.dumps({"bad": z.testzip(), "names": z.namelist(), "infos": infos, "texts": {n: z.read(n).decode("utf-8") for n in sys.argv[2:]}}))
`

/** What Python's zipfile makes of the archive at `path`, with the text of `read` members. */
export function inspectZip(path: string, read: string[] = []): ZipReport {
  return JSON.parse(python(ZIP_SCRIPT, [path, ...read])) as ZipReport
}
