// Smoke test of the PouchDB bench on a few hundred records: `node --test tests/bench/pouchdb/` after install.sh.
// Not part of ctest (it needs the npm packages); it checks that the one JSON line has every figure and that the
// checks inside bench.mjs pass (B and C end with every record).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = (script, args) => execFileSync(process.execPath, [path.join(here, script), ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

test('bench.mjs reports every figure for 400 records and keeps its work dir when given one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pouchdb-bench-test-'));
    try {
        const records = path.join(dir, 'records.ndjson');
        writeFileSync(records, run('make-records.mjs', ['400', '--seed', '7']));
        const lines = run('bench.mjs', ['--records', records, '--workdir', path.join(dir, 'work')]).trim().split('\n');
        assert.equal(lines.length, 1);
        const report = JSON.parse(lines[0]);
        assert.equal(report.records, 400);
        assert.equal(report.docs_on_b, 400);
        assert.equal(report.detail.docs_on_c, 400);
        assert.equal(report.detail.docs_on_c_at_cut + report.detail.docs_resumed, 400);
        for (const key of ['push_ms', 'pull_ms', 'noop_ms', 'resume_ms']) {
            assert.ok(Number.isInteger(report[key]) && report[key] >= 0, key);
        }
        assert.equal(report.versions.pouchdb, '9.0.0');
        assert.equal(report.versions['express-pouchdb'], '4.2.0');
        assert.equal(report.detail.adapter, 'leveldb');
        assert.deepEqual(readdirSync(path.join(dir, 'work')).sort(), ['devices', 'server']);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

test('make-records.mjs writes the same file for the same seed, with the four entities', () => {
    const one = run('make-records.mjs', ['300', '--seed', '3']);
    assert.equal(one, run('make-records.mjs', ['300', '--seed', '3']));
    const records = one.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(records.length, 300);
    assert.deepEqual([...new Set(records.map((r) => r.entity))].sort(), ['attendance', 'outcome', 'participant', 'session']);
    for (const r of records) {
        const fields = Object.keys(r.fields).length;
        assert.ok(fields >= 10 && fields <= 15, `${r.entity} has ${fields} fields`);
        assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
});

test('bench.mjs refuses an empty records file with a message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pouchdb-bench-test-'));
    try {
        const records = path.join(dir, 'empty.ndjson');
        writeFileSync(records, '');
        assert.throws(() => run('bench.mjs', ['--records', records]),
            (error) => error.status === 1 && /holds no records/.test(error.stderr));
        assert.ok(existsSync(records));
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
