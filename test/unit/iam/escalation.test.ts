// The privilege-escalation catalogue is data: check it against the IAM catalogue so a typo can never hide a method.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction } from '../../../server/src/core/iam/catalog';
import { ESCALATION_METHODS } from '../../../server/src/core/iam/escalation';
import { CREDENTIAL_ACTIONS } from '../../../server/src/core/iam/rules/CREDENTIALS_EXPOSURE';
import { EXFILTRATION_ACTIONS } from '../../../server/src/core/iam/rules/DATA_EXFILTRATION';
import { iamData } from './support/data';

const data = iamData();

test('escalation method ids are unique PascalCase and the catalogue covers cloudsplaining and more', () => {
  const ids = ESCALATION_METHODS.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[A-Z][A-Za-z0-9]+$/);
  assert.equal(ESCALATION_METHODS.filter((m) => m.source === 'rhino').length, 22);
  assert.ok(ESCALATION_METHODS.length >= 59, `${ESCALATION_METHODS.length} methods`);
});

test('every action of every method exists in the IAM catalogue, spelt canonically', () => {
  const wrong: string[] = [];
  for (const m of ESCALATION_METHODS) {
    for (const a of m.actions) if (findAction(data, a)?.fullName !== a) wrong.push(`${m.id}: ${a}`);
  }
  assert.deepEqual(wrong, []);
});

test('methods are distinct action sets with a one-clause why', () => {
  const sets = ESCALATION_METHODS.map((m) =>
    [...m.actions]
      .map((a) => a.toLowerCase())
      .sort()
      .join(' '),
  );
  assert.equal(new Set(sets).size, sets.length);
  for (const m of ESCALATION_METHODS) {
    assert.ok(!m.why.endsWith('.') && !m.why.includes('\n') && m.why.length > 20, m.id);
    assert.equal(m.passedTo !== undefined, m.actions.includes('iam:PassRole'), `${m.id} passedTo iff PassRole`);
  }
});

test('the credential and exfiltration lists name real actions', () => {
  const wrong = [...CREDENTIAL_ACTIONS, ...EXFILTRATION_ACTIONS.keys()].filter(
    (a) => findAction(data, a)?.fullName !== a,
  );
  assert.deepEqual(wrong, []);
});
