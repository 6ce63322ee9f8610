// The one way to reach a person's EmotionalGraph Durable Object: one object per user id.
export function graphFor(env: Pick<Env, "EMOTIONAL_GRAPH">, userId: string) {
  return env.EMOTIONAL_GRAPH.get(env.EMOTIONAL_GRAPH.idFromName(userId));
}
