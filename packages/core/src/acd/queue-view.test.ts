import assert from 'node:assert/strict';
import { test } from 'node:test';
import { competencesFor, countAgentStates, rankResources, waitingIn } from './queue-view.ts';

const resource = (agentId: string, name: string, skillSum: number) => ({ agentId, name, skillSum });
const team = [resource('a1', 'Cyd', 18), resource('a2', 'Bob', 5), resource('a3', 'Ana', 12)];
const ranked = (criterion: Parameters<typeof rankResources>[0]['criterion'], agentOrder?: string[]) =>
  rankResources({ criterion, agentOrder }, [...team, resource('a4', 'Dee', 12)]).map((r) => r.name);

test('resources rank by competence sum, agent order, or name, ties by name', () => {
  assert.deepEqual(ranked('most_skilled'), ['Cyd', 'Ana', 'Dee', 'Bob']);
  assert.deepEqual(ranked('least_skilled'), ['Bob', 'Ana', 'Dee', 'Cyd']);
  assert.deepEqual(ranked('linear', ['a4', 'a2']), ['Dee', 'Bob', 'Ana', 'Cyd'], 'unlisted agents last');
  assert.deepEqual(ranked('longest_available'), ['Ana', 'Bob', 'Cyd', 'Dee']);
});

test("the Most Skilled key: the competences in the CSQ's skills only (Skill1 5 + Skill3 7 = 12)", () => {
  const requirements = [
    { skillId: 'skill1', minCompetence: 1 },
    { skillId: 'skill3', minCompetence: 4 },
  ];
  assert.deepEqual(competencesFor(requirements, { skill1: 5, skill2: 6, skill3: 7 }), {
    competences: [
      { skillId: 'skill1', minCompetence: 1, competence: 5 },
      { skillId: 'skill3', minCompetence: 4, competence: 7 },
    ],
    skillSum: 12,
  });
});

test('agents are counted by state, and only queued contacts of the CSQ wait', () => {
  assert.deepEqual(countAgentStates(['ready', 'active', 'active', 'work', 'logged_out', 'reserved']), {
    ready: 1,
    notReady: 0,
    reserved: 1,
    busy: 2,
    wrapUp: 1,
    loggedOut: 1,
  });
  const contacts = [
    { csqId: 'q', status: 'queued' as const, queuedAt: 1_000 },
    { csqId: 'q', status: 'offered' as const, queuedAt: 0 },
    { csqId: 'other', status: 'queued' as const, queuedAt: 0 },
    { csqId: 'q', status: 'queued' as const, queuedAt: 4_500 },
  ];
  assert.deepEqual(waitingIn(contacts, 'q', 10_999), { waiting: 2, longestWaitSeconds: 9 });
  assert.deepEqual(waitingIn([], 'q', 10_999), { waiting: 0, longestWaitSeconds: 0 });
});
