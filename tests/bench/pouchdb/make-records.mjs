#!/usr/bin/env node
// Writes N sync records as NDJSON on stdout, shaped like the records the C++ bench writes for `outreach-bench sync`:
// {"entity": "attendance", "id": "uuid", "programme_id": "uuid", "fields": {...}} with 10-15 fields each, a mix of
// participants, sessions, attendances and outcomes (the synced tables' column names, sync/entities.cpp).
// Deterministic for a given --seed, so two runs bench the same bytes.
//   node make-records.mjs N [--seed S] > records.ndjson

import { once } from 'node:events';

const args = process.argv.slice(2);
const count = Number.parseInt(args[0] ?? '', 10);
const seedAt = args.indexOf('--seed');
let state = seedAt >= 0 ? Number.parseInt(args[seedAt + 1], 10) >>> 0 : 20240601;
if (!Number.isInteger(count) || count < 0) {
    process.stderr.write('usage: node make-records.mjs N [--seed S] > records.ndjson\n');
    process.exit(2);
}

// mulberry32: small, fast and good enough for test data.
function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
// UUIDv7-shaped ids (time-ordered, like the app's), from the generator so the file is reproducible.
let clock = Date.UTC(2025, 0, 6, 9, 0, 0);
function uuid() {
    clock += int(1, 40);
    const time = clock.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}
const day = (offset) => new Date(Date.UTC(2025, 0, 6) + offset * 86400000).toISOString().slice(0, 10);
const stamp = (offset) => new Date(Date.UTC(2025, 0, 6, 9) + offset * 60000).toISOString();

const firstNames = ['Jay', 'Amara', 'Kofi', 'Leah', 'Tomasz', 'Yusuf', 'Priya', 'Chloe', 'Dami', 'Ellis', 'Nia', 'Reece'];
const lastNames = ['Okafor', 'Brennan', 'Nowak', 'Hussain', 'Campbell', 'Adeyemi', 'Patel', 'Walsh', 'Mensah', 'Reid'];
const schools = ['Northgate Academy', 'St Anne\'s RC High', 'Riverside College', 'Kingsmead School', ''];
const ageBands = ['10_12', '13_15', '16_17', '18_25'];
const genders = ['female', 'male', 'non_binary', 'not_said'];
const ethnicities = ['white_british', 'black_african', 'black_caribbean', 'asian_pakistani', 'mixed', 'not_said'];
const workers = ['amara', 'jon', 'fatima', 'lewis', 'sam'];
const programmes = Array.from({ length: 6 }, uuid);
const wards = Array.from({ length: 20 }, uuid);
const venues = Array.from({ length: 12 }, uuid);
const measures = Array.from({ length: 8 }, uuid);
const modules = Array.from({ length: 10 }, uuid);
const cohorts = Array.from({ length: 15 }, uuid);

// Recent parents, so attendances and outcomes refer to rows written earlier in the file.
const participants = [];
const sessions = [];
const remember = (list, value) => { list.push(value); if (list.length > 400) list.shift(); };

function participant(n) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    return {
        code: `RL-${String(n).padStart(5, '0')}`, known_as: first, full_name: `${first} ${last}`,
        date_of_birth: day(-int(3650, 9000)), contact: `07${int(100000000, 999999999)}`, school: pick(schools),
        notes: random() < 0.3 ? 'Prefers evening sessions; older sibling also attends.' : '',
        age_band: pick(ageBands), gender: pick(genders), ethnicity: pick(ethnicities), ward_id: pick(wards),
        referral_source: pick(['self', 'school', 'youth_offending', 'social_care', 'police']),
        eligibility: JSON.stringify({ resident: true, age_ok: true }), created_at: stamp(n), deleted: 0,
    };
}
function session(n) {
    const date = day(int(0, 360));
    return {
        module_id: pick(modules), cohort_id: pick(cohorts), session_type: pick(['detached', 'group', 'one_to_one']),
        status: pick(['planned', 'delivered', 'cancelled']), venue_id: pick(venues),
        street_area: pick(['Market Square', 'Canal path', 'Park Road shops', '']), ward_id: pick(wards),
        start_at: `${date}T18:00:00`, end_at: `${date}T20:30:00`, session_date: date,
        facilitators: JSON.stringify([pick(workers), pick(workers)]),
        notes: random() < 0.4 ? 'Busy evening, around 20 young people near the shops.' : '',
        recorded_by: pick(workers), deleted: 0,
    };
}
function attendance(n, parentSession, parentPerson) {
    // The schema's six attendance columns plus the bookkeeping a device keeps, to reach the 10 fields of the brief.
    return {
        session_id: parentSession, participant_id: parentPerson, status: pick(['attended', 'attended', 'late', 'left_early']),
        session_date: day(int(0, 360)), age_band: pick(ageBands), deleted: 0, recorded_by: pick(workers),
        created_at: stamp(n), updated_at: stamp(n + int(0, 30)), notes: random() < 0.1 ? 'Came with a friend.' : '',
    };
}
function outcome(n, parentSession, parentPerson) {
    const pre = int(4, 20);
    return {
        participant_id: parentPerson, session_id: parentSession, measure_id: pick(measures), observed_on: day(int(0, 360)),
        achieved: int(0, 1), pre_score: pre, post_score: Math.min(25, pre + int(-2, 8)) + 0.5 * int(0, 1),
        pre_items: JSON.stringify(Array.from({ length: 5 }, () => int(1, 5))),
        post_items: JSON.stringify(Array.from({ length: 5 }, () => int(1, 5))),
        evidence: pick(['Observed in group work', 'Self-reported', 'Worker judgement']), recorded_by: pick(workers), deleted: 0,
    };
}

async function write(line) {
    if (!process.stdout.write(line)) await once(process.stdout, 'drain');
}

for (let n = 0; n < count; ++n) {
    const roll = random();
    let entity;
    let fields;
    const id = uuid();
    if (participants.length === 0 || roll < 0.15) {
        entity = 'participant';
        fields = participant(n);
        remember(participants, id);
    } else if (sessions.length === 0 || roll < 0.2) {
        entity = 'session';
        fields = session(n);
        remember(sessions, id);
    } else if (roll < 0.8) {
        entity = 'attendance';
        fields = attendance(n, pick(sessions), pick(participants));
    } else {
        entity = 'outcome';
        fields = outcome(n, pick(sessions), pick(participants));
    }
    await write(`${JSON.stringify({ entity, id, programme_id: pick(programmes), fields })}\n`);
}
