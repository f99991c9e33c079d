export default function Home() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Pixola</h1>
      <p className="mt-4 text-lg text-neutral-600">
        Image generation for AI assistants and programs. Connect Claude, ChatGPT, Cursor or VS Code to{" "}
        <code>/mcp</code>, or call the REST API at <code>/api/v1</code>.
      </p>
      <ul className="mt-8 list-disc space-y-2 pl-6">
        <li>
          <a className="underline" href="/api/v1/models">Models and prices</a>
        </li>
        <li>
          <a className="underline" href="/api/v1/openapi.json">REST reference (OpenAPI)</a>
        </li>
      </ul>
    </main>
  );
}
