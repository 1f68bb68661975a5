// Preloaded into the test LRS (node --require): xapi-statements calls app.listen(port), which
// listens on every interface; this makes every server it starts listen on 127.0.0.1 only.
const net = process.getBuiltinModule('node:net')
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number' || typeof port === 'string') return listen.call(this, Number(port), '127.0.0.1', ...rest.filter((a) => typeof a === 'function'))
  return listen.call(this, port, ...rest)
}

// xapi-statements 5.0.1's in-memory repository (the one the tests use) sorts statements by
// `stored` and then by its internal `_id`, but its `more` cursor filters by `_id` alone; and that
// `_id` is a UUID v1, whose text starts with the low 32 bits of the clock, so it does not sort by
// time: it wraps every 7 min 9.5 s. A run that crosses the wrap gets `more` links that skip
// statements (the LRS view bench lost 86 of 3,000 attempts that way). Its MongoDB repository uses
// ObjectIDs, which do sort by time. Here the in-memory ids get a counter in front, so they sort in
// the order the statements were stored and the cursor agrees with the sort.
const Module = process.getBuiltinModule('node:module')
const { join } = process.getBuiltinModule('node:path')
const MEMORY_STORE = join('modelsRepo', 'createStatements', 'memory.js')
const load = Module._load
let stored = 0
Module._load = function (request, parent, ...rest) {
  const real = load.call(this, request, parent, ...rest)
  if (request !== 'uuid' || parent?.filename?.endsWith(MEMORY_STORE) !== true) return real
  return { ...real, v1: () => `${String(++stored).padStart(15, '0')}-${real.v1()}` }
}
