// Preloaded into the test LRS (node --require): xapi-statements calls app.listen(port), which
// listens on every interface; this makes every server it starts listen on 127.0.0.1 only.
const net = process.getBuiltinModule('node:net')
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number' || typeof port === 'string') return listen.call(this, Number(port), '127.0.0.1', ...rest.filter((a) => typeof a === 'function'))
  return listen.call(this, port, ...rest)
}
