#!/usr/bin/env node
// The server side of the PouchDB bench, run by bench.mjs as a child process (like our own sync server, a separate
// process): express-pouchdb 4 over PouchDB 9 with the on-disk leveldb adapter, on 127.0.0.1 only.
// Prints one line {"port": P} on stdout once it listens; logs go to stderr. Ends when its stdin closes.
//   node server.mjs --dir DIR [--port 0]

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const express = require('express');
const PouchDB = require('pouchdb');
const expressPouchDB = require('express-pouchdb');

function option(name, fallback) {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const dir = option('dir');
const port = Number.parseInt(option('port', '0'), 10);
if (!dir || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('usage: node server.mjs --dir DIR [--port 0]\n');
    process.exit(2);
}
mkdirSync(dir, { recursive: true });

// Databases live under DIR; express-pouchdb's config stays in memory and its log in DIR, not in the cwd.
// minimumForPouchDB: only what replication needs (no Fauxton, no _users/_security wrappers), the server's best case.
const ServerPouchDB = PouchDB.defaults({ prefix: `${path.resolve(dir)}${path.sep}` });
const app = express();
app.use('/', expressPouchDB(ServerPouchDB, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: path.join(dir, 'express-pouchdb.log'),
}));

const server = app.listen(port, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
server.on('error', (error) => {
    process.stderr.write(`server: ${error.message}\n`);
    process.exit(1);
});
// Started by bench.mjs with a pipe on stdin: when the bench ends (or dies), the pipe closes and so does the server.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => server.close(() => process.exit(0)));
}
