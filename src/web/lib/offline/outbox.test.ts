import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { createOutbox, memoryStore, type NewOutboxEntry, type OutboxTransport } from './outbox';

const dropped = () => new ApiError('UNAVAILABLE', '网络连接失败，请检查网络后重试', 0);
const gone = () => new ApiError('NOT_FOUND', '该户已被删除', 404);

/** A server that records what reaches it; `down` makes every request fail like a dead network. */
const fakeServer = () => {
  const calls: string[] = [];
  const state = { down: false, refuse: new Set<string>() };
  const transport: OutboxTransport = {
    send: async (_path, body) => {
      if (state.down) throw dropped();
      const id = (body as { id: string }).id;
      if (state.refuse.has(id)) throw gone();
      calls.push(`record ${id}`);
      return { id };
    },
    upload: async (path, file) => {
      if (state.down) throw dropped();
      calls.push(`photo ${path} ${file.name}`);
      return {};
    },
  };
  return { calls, state, transport };
};

const entry = (id: string, userId = 'u1', photos = 0): NewOutboxEntry => ({
  userId,
  kind: 'activity',
  label: `活动 ${id}`,
  path: '/api/v1/activities/activities',
  body: { id, title: id },
  photosPath: `/api/v1/activities/activities/${id}/photos`,
  photos: Array.from({ length: photos }, (_, i) => ({
    name: `p${i}.jpg`,
    type: 'image/jpeg',
    blob: new Blob([`photo ${i}`], { type: 'image/jpeg' }),
  })),
});

const setup = () => {
  const server = fakeServer();
  let clock = 1000;
  const store = memoryStore();
  const outbox = createOutbox({ store, transport: server.transport, now: () => clock++ });
  return { server, store, outbox };
};

describe('the offline outbox', () => {
  it('sends oldest first, each record before its photos, and empties itself', async () => {
    const { server, outbox } = setup();
    await outbox.add(entry('a', 'u1', 2));
    await outbox.add(entry('b'));
    expect((await outbox.list('u1')).map((e) => e.state)).toEqual(['waiting', 'waiting']);
    const r = await outbox.flush('u1');
    expect(r).toEqual({ sent: 2, refused: 0, isStopped: false });
    expect(server.calls).toEqual([
      'record a',
      'photo /api/v1/activities/activities/a/photos p0.jpg',
      'photo /api/v1/activities/activities/a/photos p1.jpg',
      'record b',
    ]);
    expect(await outbox.list('u1')).toEqual([]);
  });

  it('keeps everything waiting while the network is down, and sends each record once when it returns', async () => {
    const { server, outbox } = setup();
    await outbox.add(entry('a', 'u1', 1));
    await outbox.add(entry('b'));
    server.state.down = true;
    expect(await outbox.flush('u1')).toEqual({ sent: 0, refused: 0, isStopped: true });
    expect((await outbox.list('u1')).map((e) => [e.id, e.state])).toEqual([
      ['a', 'waiting'],
      ['b', 'waiting'],
    ]);
    server.state.down = false;
    await outbox.flush('u1');
    await outbox.flush('u1');
    expect(server.calls.filter((c) => c.startsWith('record'))).toEqual(['record a', 'record b']);
  });

  it('does not send a photo twice when the connection drops between photos', async () => {
    const { server, outbox } = setup();
    await outbox.add(entry('a', 'u1', 2));
    let uploads = 0;
    const upload = server.transport.upload;
    server.transport.upload = async (path, file) => {
      uploads += 1;
      if (uploads === 2) throw dropped();
      return upload(path, file);
    };
    expect((await outbox.flush('u1')).isStopped).toBe(true);
    const [left] = await outbox.list('u1');
    expect(left).toMatchObject({ isRecordSaved: true, photosSent: 1, state: 'waiting' });
    await outbox.flush('u1');
    expect(server.calls).toEqual([
      'record a',
      'photo /api/v1/activities/activities/a/photos p0.jpg',
      'photo /api/v1/activities/activities/a/photos p1.jpg',
    ]);
  });

  it('keeps a refused record with the server’s reason and goes on with the next', async () => {
    const { server, outbox } = setup();
    await outbox.add(entry('a'));
    await outbox.add(entry('b'));
    server.state.refuse.add('a');
    expect(await outbox.flush('u1')).toEqual({ sent: 1, refused: 1, isStopped: false });
    const left = await outbox.list('u1');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: 'a', state: 'refused', reason: '该户已被删除' });
    // A later round leaves it alone; 立即上传 tries it again; 放弃 removes it.
    await outbox.flush('u1');
    expect(server.calls).toEqual(['record b']);
    server.state.refuse.clear();
    await outbox.retry('u1', 'a');
    expect(server.calls).toEqual(['record b', 'record a']);
    expect(await outbox.list('u1')).toEqual([]);
  });

  it('shows and sends only the signed-in user’s records', async () => {
    const { server, outbox } = setup();
    await outbox.add(entry('mine', 'u1'));
    await outbox.add(entry('hers', 'u2'));
    expect((await outbox.list('u1')).map((e) => e.id)).toEqual(['mine']);
    await outbox.flush('u1');
    expect(server.calls).toEqual(['record mine']);
    expect((await outbox.list('u2')).map((e) => e.id)).toEqual(['hers']);
  });

  it('saving a record again replaces its entry (same client id), and discarding removes it', async () => {
    const { outbox } = setup();
    await outbox.add(entry('a'));
    await outbox.add({ ...entry('a'), label: '改过的' });
    expect((await outbox.list('u1')).map((e) => e.label)).toEqual(['改过的']);
    await outbox.remove('a');
    expect(await outbox.list('u1')).toEqual([]);
  });

  it('a second flush during a round joins it rather than sending twice', async () => {
    const { server, outbox } = setup();
    await outbox.add(entry('a'));
    const [r1, r2] = await Promise.all([outbox.flush('u1'), outbox.flush('u1')]);
    expect(r1).toBe(r2);
    expect(server.calls).toEqual(['record a']);
  });

  it('an entry left “sending” by a closed tab is waiting again at start', async () => {
    const { store, outbox } = setup();
    const e = await outbox.add(entry('a'));
    await store.put({ ...e, state: 'sending' });
    await outbox.recover();
    expect((await outbox.list('u1'))[0].state).toBe('waiting');
  });
});
