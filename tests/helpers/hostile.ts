/** Text meant to break exports: markup, Markdown and CSV formula syntax, long words, bidi tricks. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '# not a heading',
  '| not | a | table |',
  '[click](javascript:alert(1))',
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '@import url(x)',
  '**not bold** _not italic_ `not code`',
  ']]> <![CDATA[ x ]]>',
  'Tom &amp; Jerry & <b>co</b>',
  `${'Lang'.repeat(60)}ord`,
  'ABC\u202Eevil\u202C-DEF',
  'ctrl\u0000\u0007\u001b[31mchars',
] as const;

/** What each line must still contain, visibly, once it went through any export. */
export const HOSTILE_VISIBLE = ['alert(1)', 'onerror', 'not a heading', 'not | a', 'javascript:alert(1)', "=cmd|' /C calc'!A0", '+SUM(1,2)', 'not bold', 'CDATA', 'Tom &amp; Jerry', 'ABCevil-DEF', 'ctrl[31mchars'];
