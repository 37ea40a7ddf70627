import { expect, it } from 'vitest';
import type { Node } from '../../api/types';
import { NodeInfo, Snapshot } from '../framework';
import { testNode, testPod } from '../testing';
import { imageLocalityScore, imageSpread, normalizedImageName } from './imagelocality';

const MIB = 1024 * 1024;
function withImages(name: string, images: [string, number][]): Node {
  const node = testNode(name);
  node.status!.images = images.map(([n, mib]) => ({ names: [n], sizeBytes: mib * MIB }));
  return node;
}
const pod = (image: string, containers = 1) => {
  const p = testPod('p', { containers: Array.from({ length: containers }, () => ({})) });
  for (const c of p.spec!.containers) c.image = image;
  return p;
};

it.each([
  // 500 MiB on 1 of 2 nodes counts 250 MiB: 100 × (250 − 23) / (1000 − 23) = 23.
  { name: 'an image on half the nodes counts half its size', nodes: [withImages('a', [['big:1', 500]]), testNode('b')], pod: pod('big:1'), want: 23 },
  // On both nodes: 500 MiB → 100 × 477 / 977 = 48.
  { name: 'an image on every node counts fully', nodes: [withImages('a', [['big:1', 500]]), withImages('b', [['big:1', 500]])], pod: pod('big:1'), want: 48 },
  { name: 'no image, no score', nodes: [testNode('a')], pod: pod('big:1'), want: 0 },
  { name: 'a small image stays under the minimum', nodes: [withImages('a', [['tiny:1', 20]])], pod: pod('tiny:1'), want: 0 },
  { name: 'clamped at 1000 MiB per container', nodes: [withImages('a', [['huge:1', 5000]])], pod: pod('huge:1'), want: 100 },
  // Two containers of a 1500 MiB image: 3000 MiB clamped to 2000 MiB.
  { name: 'the maximum scales with the containers', nodes: [withImages('a', [['huge:1', 1500]])], pod: pod('huge:1', 2), want: 100 },
  { name: 'untagged names mean :latest', nodes: [withImages('a', [['app:latest', 2000]])], pod: pod('app'), want: 100 },
  { name: 'the registry prefix is not added', nodes: [withImages('a', [['docker.io/library/nginx:1.27', 2000]])], pod: pod('nginx:1.27'), want: 0 },
])('$name', ({ nodes, pod, want }) => {
  const infos = nodes.map((n) => new NodeInfo(n));
  expect(imageLocalityScore(pod, infos[0], imageSpread(new Snapshot(infos)))).toBe(want);
});

it('normalises names like upstream', () => {
  expect(normalizedImageName('nginx')).toBe('nginx:latest');
  expect(normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
  expect(normalizedImageName('nginx:1.27')).toBe('nginx:1.27');
});
