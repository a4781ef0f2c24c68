import { loadResvg, MIMALLOC_PURGE_DELAY_MS } from '../../src/render/resvg';

describe('loading resvg', () => {
  const before = process.env.MIMALLOC_PURGE_DELAY;
  afterEach(() => {
    if (before === undefined) delete process.env.MIMALLOC_PURGE_DELAY;
    else process.env.MIMALLOC_PURGE_DELAY = before;
  });

  it("keeps the renderer's freed memory for a while, so renders close together reuse it", () => {
    delete process.env.MIMALLOC_PURGE_DELAY;
    const { Resvg } = loadResvg();
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe(MIMALLOC_PURGE_DELAY_MS);
    expect(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>').render().width).toBe(4);
  });

  it("leaves an operator's own setting alone", () => {
    process.env.MIMALLOC_PURGE_DELAY = '250';
    loadResvg();
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe('250');
  });
});
