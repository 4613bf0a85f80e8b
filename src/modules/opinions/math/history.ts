/**
 * Polis's set of clustered participants ("in-conv") depends on history: it only grows, a participant
 * joins when they have voted on min(7, comments so far) comments, and while fewer than 15 are in, the
 * top voters are added. A full recomputation from the final votes misses the participants who joined
 * early (while there were few comments, or through the top-up) and then stopped voting. This replays the
 * rule over the votes in time order, one tick per vote, the way an up-to-date incremental computation
 * would have seen them; pass the result as `seed.clustered` to `cold`.
 */
import { defaultMathOptions } from './conversation.js';
import type { MathOptions, VoteRecord } from './types.js';

export function replayClustered(votes: readonly VoteRecord[], options: Partial<Pick<MathOptions, 'minVotes' | 'greedyN'>> = {}): string[] {
  const minVotes = options.minVotes ?? defaultMathOptions.minVotes;
  const greedyN = options.greedyN ?? defaultMathOptions.greedyN;
  const order = votes.map((v, i) => ({ v, i })).sort((a, b) => a.v.time - b.v.time || a.i - b.i);
  const voted = new Map<string, Set<string>>();
  const comments = new Set<string>();
  const clustered = new Set<string>();
  for (const { v } of order) {
    comments.add(v.comment);
    let mine = voted.get(v.participant);
    if (!mine) voted.set(v.participant, (mine = new Set()));
    mine.add(v.comment);
    // Counts and the threshold only grow, so only the voter can newly qualify.
    if (mine.size >= Math.min(minVotes, comments.size)) clustered.add(v.participant);
    if (clustered.size < greedyN) {
      const top = [...voted].filter(([p]) => !clustered.has(p)).sort((a, b) => b[1].size - a[1].size);
      for (const [p] of top.slice(0, greedyN - clustered.size)) clustered.add(p);
    }
  }
  return [...clustered];
}
