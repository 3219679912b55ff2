/**
 * A deterministic Salesforce-style opportunities report (column labels, M/D/YYYY dates,
 * "THB 1,234.00" amounts, quoted commas and quotes), for the import benchmarks.
 */
export function salesforceCsv(rows: number): string {
  const stages = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'];
  const types = ['New Business', 'Existing Business'];
  const owners = ['Somchai Prasert', 'Nida Wongsa', 'Ploy Sirikul'];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = [
    '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Probability (%)","Close Date","Created Date","Next Step","Type","Opportunity ID"',
  ];
  for (let i = 0; i < rows; i++) {
    const stage = stages[Math.floor(rnd() * stages.length)]!;
    const amount = Math.floor(rnd() * 5_000_000);
    const cm = 1 + Math.floor(rnd() * 12);
    const cd = 1 + Math.floor(rnd() * 28);
    const om = 1 + Math.floor(rnd() * 12);
    const od = 1 + Math.floor(rnd() * 28);
    lines.push(
      [
        owners[i % owners.length],
        `"Account ${Math.floor(rnd() * 5000)}, Ltd."`,
        `"Deal ${i} - ${stage}"`,
        stage,
        `"THB ${amount.toLocaleString('en-US')}.00"`,
        String(Math.floor(rnd() * 100)),
        `${cm}/${cd}/2026`,
        `${om}/${od}/2025`,
        i % 3 === 0 ? '"Call, then send ""quote"""' : '',
        types[i % 2],
        `006${String(i).padStart(15, '0')}`,
      ].join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
