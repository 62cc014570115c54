// The ready-to-run code shown once with a new API key: the same test alert as the curl command, in the
// languages services are most often written in, with nothing to install (each language's standard library).
import { curlExample } from './curl-example';

/** AlertSnippet is one way to send the test alert. */
export interface AlertSnippet {
  language: 'curl' | 'Node.js' | 'Python' | 'Go';
  code: string;
}

const ALERT = { event_type: 'deploy.failed', severity: 'critical', title: 'Deploy of checkout-api failed', source: 'curl' };

/** alertSnippets returns the test alert as curl, Node.js (fetch), Python (urllib) and Go (net/http) code. */
export function alertSnippets(appUrl: string, key: string): AlertSnippet[] {
  const url = `${appUrl}/api/v1/alerts`;
  const body = (source: string) => JSON.stringify({ ...ALERT, source });
  return [
    { language: 'curl', code: curlExample(appUrl, key) },
    {
      language: 'Node.js',
      code: [
        `const response = await fetch(${JSON.stringify(url)}, {`,
        `  method: 'POST',`,
        `  headers: { Authorization: ${JSON.stringify(`Bearer ${key}`)}, 'Content-Type': 'application/json' },`,
        `  body: JSON.stringify(${body('node')}),`,
        `});`,
        `process.stdout.write(\`${'${'}response.status} ${'${'}await response.text()}\\n\`);`,
      ].join('\n'),
    },
    {
      language: 'Python',
      code: [
        'import json, urllib.request',
        '',
        'request = urllib.request.Request(',
        `    ${JSON.stringify(url)},`,
        `    data=json.dumps(${body('python')}).encode(),`,
        `    headers={"Authorization": ${JSON.stringify(`Bearer ${key}`)}, "Content-Type": "application/json"},`,
        '    method="POST",',
        ')',
        'with urllib.request.urlopen(request) as response:',
        '    print(response.status, json.load(response))',
      ].join('\n'),
    },
    {
      language: 'Go',
      code: [
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '\t"io"',
        '\t"net/http"',
        '\t"strings"',
        ')',
        '',
        'func main() {',
        `\tbody := strings.NewReader(\`${body('go')}\`)`,
        `\trequest, _ := http.NewRequest("POST", ${JSON.stringify(url)}, body)`,
        `\trequest.Header.Set("Authorization", ${JSON.stringify(`Bearer ${key}`)})`,
        '\trequest.Header.Set("Content-Type", "application/json")',
        '\tresponse, err := http.DefaultClient.Do(request)',
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\tdefer response.Body.Close()',
        '\tanswer, _ := io.ReadAll(response.Body)',
        '\tfmt.Println(response.Status, string(answer))',
        '}',
      ].join('\n'),
    },
  ];
}
