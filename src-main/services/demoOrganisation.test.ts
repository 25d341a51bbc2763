import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSource, GENERATED_DEMO_ROLES } from './demoOrganisation';
import { loadBundledCatalogue } from './resources';
import { WorkspaceService } from './workspace';

const catalogue = loadBundledCatalogue();

describe('demo workspace with --demo-users', () => {
  let dir: string;
  const services: WorkspaceService[] = [];
  // A fresh service per start, as each launch of the host makes one.
  const start = () => {
    const service = new WorkspaceService({ directory: join(dir, 'workspaces'), idleLockMs: null });
    services.push(service);
    return service;
  };
  const ensure = async (demoUsers?: number) => {
    const source = demoSource(catalogue, demoUsers);
    const service = start();
    await service.ensureDemo(source.make, source.isCurrent);
    const versions = service.data('demo').listSnapshots();
    service.lockAll();
    return { versions, describe: source.describe };
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-demo-users-'));
  });
  afterEach(() => {
    services.forEach((s) => s.lockAll());
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a generated organisation of the asked size, keeps it while the size stays, and saves a new version when it changes', async () => {
    const first = await ensure(120);
    expect(first.versions).toHaveLength(1);
    expect(first.versions[0]).toMatchObject({ sourceKind: 'generated', counts: { users: 120, departments: 2, roles: GENERATED_DEMO_ROLES } });
    expect(first.describe).toBe(`Demo workspace: a generated organisation of 120 people, 2 departments, ${GENERATED_DEMO_ROLES} roles (seed 20261129).`);

    expect((await ensure(120)).versions).toHaveLength(1);

    const resized = await ensure(250);
    expect(resized.versions.map((v) => v.counts.users)).toEqual([250, 120]); // newest first; the old one is kept
  });

  it('replaces the built-in demo when a size is asked, and a plain start brings it back', async () => {
    const builtIn = await ensure();
    expect(builtIn.describe).toBeNull();
    expect(builtIn.versions).toHaveLength(1);
    expect(builtIn.versions[0]!.sourceKind).not.toBe('generated');

    expect((await ensure(100)).versions.map((v) => v.counts.users)).toEqual([100, builtIn.versions[0]!.counts.users]);
    // A plain start after a sized run brings the built-in demo back as the newest version…
    const back = await ensure();
    expect(back.versions).toHaveLength(3);
    expect(back.versions[0]).toMatchObject({ sourceKind: 'demo', counts: { users: builtIn.versions[0]!.counts.users } });
    // …and later plain starts keep it as it is.
    expect((await ensure()).versions).toHaveLength(3);
  });
});
