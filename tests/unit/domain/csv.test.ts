import { describe, expect, it } from 'vitest'
import { csvCell, roundTo, toCsv } from '../../../src/domain/csv.ts'

describe('csvCell', () => {
  it.each([
    ['plain text', 'Ann', 'Ann'],
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['newline', 'a\nb', '"a\nb"'],
    ['formula =', '=SUM(A1)', "'=SUM(A1)"],
    ['formula +', '+1', "'+1"],
    ['formula - in text', '-2+3', "'-2+3"],
    ['formula @', '@cmd', "'@cmd"],
    ['leading tab', '\tx', "'\tx"],
    ['leading CR', '\rx', "\"'\rx\""],
    ['formula with a comma is also quoted', '=A1,B1', '"\'=A1,B1"'],
    ['negative number stays a number', -3.5, '-3.5'],
    ['boolean', true, 'true'],
    ['null', null, ''],
    ['NaN', Number.NaN, ''],
    ['Unicode', 'Côte d’Ivoire', 'Côte d’Ivoire'],
  ])('%s', (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })
})

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n')
  })
})

describe('roundTo', () => {
  it.each([
    [1 / 3, 4, 0.3333],
    [2.5, 0, 3],
    [null, 2, null],
    [Number.POSITIVE_INFINITY, 2, null],
  ])('%s to %i digits', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected)
  })
})
