// Preloaded into the binary by the safety tests (`node --import`): any attempt to reach the
// network fails loudly, so a test that sees exit 0 knows none was made.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

function refuse(what) {
  return () => {
    throw new Error(`NETWORK ATTEMPT: ${what}`);
  };
}
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
globalThis.fetch = refuse('fetch');
