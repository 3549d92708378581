// Drives openstack-ops-mcp with the official TypeScript v2 MCP client and prints one JSON report on stdout.
// Usage: node client.mjs '<json plan>' where the plan is
//   { "transport": "http" | "stdio", "url": "...", "token": "...",            (http)
//     "command": "...", "args": [...], "env": {...},                           (stdio)
//     "negotiation": "auto" | "legacy", "elicit": true | false,
//     "calls": [ { "name": "...", "arguments": {...} } ],                       each called in turn
//     "confirm": { "name": "...", "arguments": {...}, "answer": true },        a destructive call answered when asked
//     "listen": true }                                                         open subscriptions/listen
// The report says which protocol was negotiated, what discover and tools/list returned, each call's result and what
// the confirmation asked; a failure is reported as {"error": "..."} with exit code 1.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const plan = JSON.parse(process.argv[2]);
const report = { questions: [], calls: [] };

function transport() {
  if (plan.transport === 'stdio') {
    return new StdioClientTransport({ command: plan.command, args: plan.args ?? [], env: plan.env, stderr: 'ignore' });
  }
  const headers = plan.token ? { Authorization: `Bearer ${plan.token}` } : {};
  return new StreamableHTTPClientTransport(new URL(plan.url), { requestInit: { headers } });
}

const capabilities = plan.elicit ? { elicitation: { form: {} } } : {};
const client = new Client({ name: 'openstack-ops-mcp-ts-check', version: '1.0.0' }, {
  capabilities,
  versionNegotiation: { mode: plan.negotiation ?? 'auto' },
});
if (plan.elicit) {
  client.setRequestHandler('elicitation/create', async (request) => {
    report.questions.push(request.params.message);
    const yes = plan.confirm?.answer !== false;
    return yes ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
  });
}

function summary(result) {
  return { isError: result.isError ?? false, structured: result.structuredContent ?? null,
    text: (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n').slice(0, 2000) };
}

try {
  await client.connect(transport());
  report.protocolVersion = client.getNegotiatedProtocolVersion();
  report.era = client.getProtocolEra();
  report.server = client.getServerVersion();
  if (report.era === 'modern') {
    const discovered = await client.discover();
    report.discover = { supportedVersions: discovered.supportedVersions, capabilities: discovered.capabilities };
  }
  const listed = await client.listTools();
  report.tools = listed.tools.map((t) => t.name);
  for (const call of plan.calls ?? []) {
    report.calls.push({ name: call.name, ...summary(await client.callTool(call)) });
  }
  if (plan.confirm) {
    report.confirmed = summary(await client.callTool({ name: plan.confirm.name, arguments: plan.confirm.arguments }));
  }
  if (plan.listen && report.era === 'modern') {
    const subscription = await client.listen({ toolsListChanged: true });
    report.listen = { acknowledged: subscription.acknowledged ?? subscription.ack ?? true };
    await subscription.close?.();
  }
  await client.close();
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(0);
} catch (e) {
  report.error = `${e?.name ?? 'Error'}: ${e?.message ?? e}`;
  process.stdout.write(JSON.stringify(report) + '\n');
  try { await client.close(); } catch { /* closing anyway */ }
  process.exit(1);
}
