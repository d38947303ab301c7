// The catalogue memo: the same answers as the catalogue functions it keeps, one ActionRef per action, answers kept
// across documents (the loader attaches one memo to the data), and bounded tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analyze';
import {
  type ActionRef,
  arnCoversResourceType,
  arnMatchesTemplate,
  expandActionPattern,
  findAction,
  findConditionKey,
} from '../../../server/src/core/iam/catalog';
import { CatalogMemo } from '../../../server/src/core/iam/catalogMemo';
import { iamData } from './support/data';

const data = iamData();

describe('CatalogMemo', () => {
  it('answers as the catalogue functions do', () => {
    const memo = new CatalogMemo(data);
    for (const p of ['s3:Get*', 'S3:getobject', 'iam:?assRole', 's*:List*', '*', 'nope:Get*', 'ec2:Describe*', 'x']) {
      assert.deepEqual(
        memo.expand(p).map((r) => r.fullName),
        expandActionPattern(data, p).map((r) => r.fullName),
        p,
      );
    }
    assert.equal(memo.action('S3:GETOBJECT')?.fullName, findAction(data, 'S3:GETOBJECT')?.fullName);
    assert.equal(memo.action('s3:NoSuchAction'), undefined);
    assert.equal(memo.conditionKey('aws:ResourceTag/team'), findConditionKey(data, 'aws:ResourceTag/team'));
    const template = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    for (const p of ['arn:aws:s3:::b/*', 'arn:aws:s3:::b', 'arn:aws:s3:::*', 'arn:aws:iam::1:role/*', '*']) {
      assert.equal(memo.matches(p, template), arnMatchesTemplate(p, template), p);
      assert.equal(memo.covers(p, template), arnCoversResourceType(p, template), p);
    }
  });

  it('hands out one ActionRef per catalogue action, whatever the pattern that found it', () => {
    const memo = new CatalogMemo(data);
    const fromWildcard = memo.expand('s3:Get*').find((r) => r.fullName === 's3:GetObject');
    assert.ok(fromWildcard);
    assert.equal(memo.action('s3:getobject'), fromWildcard);
    assert.equal(memo.expand('s3:*').includes(fromWildcard), true);
  });

  it('keeps answers across documents analysed against the same data, and picks by a constant', () => {
    const memo = new CatalogMemo(data);
    const shared = { ...data, memo };
    let calls = 0;
    const pick = (r: ActionRef): boolean => {
      calls++;
      return r.action.accessLevel === 'Write';
    };
    const first = memo.picked('s3:Put*', pick);
    const before = calls;
    assert.ok(first.length > 0 && first.every((r) => r.action.accessLevel === 'Write'));
    assert.equal(memo.picked('s3:Put*', pick), first, 'the same array, not picked again');
    assert.equal(calls, before);
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}';
    const a = analyzeDocument({ uri: 'a.json', text }, { iamData: () => shared, options: {} });
    const expansion = memo.expand('s3:Get*');
    const b = analyzeDocument({ uri: 'b.json', text }, { iamData: () => shared, options: {} });
    assert.equal(memo.expand('s3:Get*'), expansion, 'the second document reuses the first one’s expansion');
    assert.deepEqual(b.findings, a.findings);
  });

  it('starts a table over when it reaches its limit, with the same answers', () => {
    const memo = new CatalogMemo(data, 3);
    const names = ['s3:GetObject', 's3:PutObject', 'iam:PassRole', 'sqs:SendMessage', 's3:GetObject'];
    for (const n of names) assert.equal(memo.action(n)?.fullName, findAction(data, n)?.fullName);
    const again = memo.expand('s3:Get*');
    for (const p of ['a:*', 'b:*', 'c:*']) memo.expand(p);
    assert.notEqual(memo.expand('s3:Get*'), again, 'the table started over');
    assert.deepEqual(
      memo.expand('s3:Get*').map((r) => r.fullName),
      again.map((r) => r.fullName),
    );
  });
});
