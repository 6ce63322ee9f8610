// The bare baseline the benchmark divides by: the least a Worker can do for each kind of request,
// in the same Miniflare and on the same D1 database as Tideline. Plain JavaScript, no framework.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/ok") return new Response("ok");
    if (url.pathname === "/select") {
      // A select by primary key: what every authenticated Tideline request does at least once.
      const row = await env.DB.prepare("SELECT id, email, name, role FROM users WHERE id = ?").bind(url.searchParams.get("id")).first();
      return Response.json(row);
    }
    if (url.pathname === "/insert" && request.method === "POST") {
      const id = crypto.randomUUID();
      await env.DB.prepare("INSERT INTO bench_rows (id, body, created_at) VALUES (?, ?, ?)").bind(id, await request.text(), Date.now()).run();
      return Response.json({ id }, { status: 201 });
    }
    return new Response("not found", { status: 404 });
  },
};
