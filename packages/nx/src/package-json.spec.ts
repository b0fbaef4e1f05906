import { execFileSync } from 'node:child_process';
import { satisfies } from 'semver';
import packageJson from '../package.json';

// npm checks a peer range as semver.satisfies(version, range, loose) does: a prerelease satisfies only a range
// with a comparator on its own major.minor.patch, so `>=22.0.0 <25.0.0` refuses 23.2.0-beta.2 (ERESOLVE).
const satisfiedByNpm = (version: string, range: string) => satisfies(version, range, true);

describe('the Nx versions @groundplan/nx installs beside', () => {
  const ranges = { 'peer nx': packageJson.peerDependencies.nx, '@nx/devkit': packageJson.dependencies['@nx/devkit'] };

  it.each(Object.entries(ranges))('%s accepts every release and prerelease of Nx 22–24', (_name, range) => {
    for (const version of ['22.0.0', '22.7.3', '23.0.0', '23.2.0-beta.2', '22.0.0-rc.1', '24.0.6', '24.3.0-canary.20260105-abc1234', '24.15.2']) {
      expect([version, satisfiedByNpm(version, range)]).toEqual([version, true]);
    }
  });

  it.each(Object.entries(ranges))('%s refuses other majors', (_name, range) => {
    for (const version of ['21.6.0', '21.7.0-beta.0', '25.0.0', '25.0.0-beta.1']) {
      expect([version, satisfiedByNpm(version, range)]).toEqual([version, false]);
    }
  });
});

describe('the groundplan command', () => {
  it('is a committed file, so npm links it at install, before dist/ is built', () => {
    const tracked = execFileSync('git', ['ls-files', '--', packageJson.bin.groundplan], { cwd: `${__dirname}/..`, encoding: 'utf8' });
    expect(tracked.trim()).toBe(packageJson.bin.groundplan);
  });
});
