import { launchBrowser, contextAs } from './tests/support/browser';
(async () => {
  const b = await launchBrowser();
  const ctx = await contextAs(b, 'http://127.0.0.1:4401', 'chris.morgan@northshire.gov.uk');
  const page = await ctx.newPage();
  await page.goto('/sharepoint?smh=edit');
  await page.getByRole('button', { name: 'Add a do', exact: true }).click();
  const dos = page.getByRole('list', { name: "Do's", exact: true });
  await dos.getByLabel('Headline', { exact: true }).last().fill('Celebrate what works');
  await page.getByText('Major: everyone must acknowledge again').click();
  await page.getByLabel('What changed', { exact: true }).fill('A new do.');
  await page.getByRole('button', { name: /Publish version/ }).click();
  await page.getByText(/published\./).waitFor();
  await b.close();
  for (const u of ['olivia.reed', 'ben.hughes', 'leah.ward']) {
    const r = await fetch(`http://127.0.0.1:4401/__emulator/graph/feed?user=${u}@northshire.gov.uk`);
    console.log(u, r.status, (await r.text()).slice(0, 400));
  }
  const o = await fetch('http://127.0.0.1:4401/__emulator/graph/outbox');
  console.log((await o.text()).slice(0, 1500));
})();
