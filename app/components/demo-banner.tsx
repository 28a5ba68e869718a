/** Shown on every page while demo accounts can sign in (FRAC_DEMO), so nobody mistakes a demo for the real system. */
export function DemoBanner() {
  return (
    <section className="demo-banner" aria-label="Demo installation">
      <strong>Demo</strong> · demo accounts with a published password are enabled on this installation. Do not enter real data.
    </section>
  );
}
