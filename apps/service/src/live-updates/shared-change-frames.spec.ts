import { describe, expect, it } from '@jest/globals';
import { SharedChangeFrames } from './shared-change-frames';

describe('SharedChangeFrames', () => {
  const setup = (fail = false) => {
    const asked: string[] = [];
    let rendered = 0;
    const frames = new SharedChangeFrames<{ position: number }>(
      async (after, upTo, limit) => {
        asked.push(`${after}:${upTo}:${limit}`);
        if (fail) throw new Error('connection lost');
        return [{ position: after + 1 }, { position: upTo }];
      },
      (c) => `frame ${c.position} (${++rendered})`,
    );
    return { asked, frames, rendered: () => rendered };
  };

  it('queries and renders a span once for every stream that asks for it', async () => {
    const { asked, frames, rendered } = setup();
    const answers = await Promise.all([frames.get(5, 9, 500), frames.get(5, 9, 500), frames.get(5, 9, 500)]);
    // A stream asking after the query finished gets the same frames too.
    answers.push(await frames.get(5, 9, 500));
    expect(asked).toEqual(['5:9:500']);
    expect(rendered()).toBe(2);
    // The very same frames, encoded once: no stream gets its own copy.
    for (const a of answers) expect(a).toBe(answers[0]);
    for (const a of answers)
      expect(a).toEqual([
        { position: 6, frame: Buffer.from('frame 6 (1)') },
        { position: 9, frame: Buffer.from('frame 9 (2)') },
      ]);
  });

  it('queries other spans apart', async () => {
    const { asked, frames } = setup();
    await Promise.all([frames.get(5, 9, 500), frames.get(7, 9, 500), frames.get(5, 10, 500)]);
    expect(asked).toEqual(['5:9:500', '7:9:500', '5:10:500']);
  });

  it('keeps no failed query: the next stream to ask queries again', async () => {
    const { asked, frames } = setup(true);
    await expect(frames.get(5, 9, 500)).rejects.toThrow('connection lost');
    await expect(frames.get(5, 9, 500)).rejects.toThrow('connection lost');
    expect(asked).toEqual(['5:9:500', '5:9:500']);
  });
});
