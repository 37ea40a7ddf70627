/** Centre: the cluster map (React Flow) with the control plane, one box per node and the pending area. */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  Controls,
  Handle,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { marksSummaryKey, nodeMarkKey, parseNodeMark, useExplain, type NodeMark } from '../state/explain';
import { useKind, useMirror } from '../state/store';
import { send } from '../state/simClient';
import { BrainIcon, HourglassIcon, PowerIcon, RestoreIcon, ServerIcon } from '../icons';
import { buildMap, compactPodName, MapCache, type NodeCard, type PodChip } from './model';
import { Chip } from './Chip';
import { SummaryMap } from './SummaryMap';

const NODE_W = 196;
const GAP = 16;
const ROW2_Y = 180;
/** Up to this many workers stand in one row (today's layout); more wrap into a grid. */
const ONE_ROW = 8;
/** Roughly how tall a node card is (head, meta, foot) and how much each pod chip adds. */
const CARD_BASE_H = 140;
const CHIP_H = 30;
/** Above this many pods (or in the grid layout) chips change state without animations. */
const BUSY_PODS = 300;

/**
 * Columns and row height for the workers: one row for a few nodes; for many, a grid whose
 * shape follows the map's aspect. Row height steps in buckets so pods arriving do not reflow it.
 */
export function layoutGrid(workers: readonly NodeCard[]): { cols: number; rowH: number } {
  const maxPods = workers.reduce((m, c) => Math.max(m, c.pods.length), 0);
  const rowH = CARD_BASE_H + Math.ceil(maxPods / 8) * 8 * CHIP_H + GAP * 2;
  if (workers.length <= ONE_ROW) return { cols: Math.max(1, workers.length), rowH };
  const cols = Math.max(ONE_ROW, Math.min(workers.length, Math.ceil(Math.sqrt((workers.length * rowH * 1.3) / (NODE_W + GAP)))));
  return { cols, rowH };
}

type CardData = { card: NodeCard };

/** The scheduler's verdict on a node for the pod being explained (selected, or just bound). */
function useNodeMark(node: string): NodeMark | null {
  const key = useExplain((s) => nodeMarkKey(s, node));
  return useMemo(() => parseNodeMark(key), [key]);
}

function markClass(mark: NodeMark | null): string {
  return mark ? ` sched-${mark.kind} sched-${mark.mode}` : '';
}

/** The glow of the chosen node, restarted for every bind; the badge of the plugin that ruled a node out. */
function SchedOverlay({ mark }: { mark: NodeMark | null }) {
  const { t } = useTranslation();
  if (!mark) return null;
  if (mark.kind === 'rejected') {
    return (
      <div className="sched-badge" data-testid="sched-badge" title={t('map.schedRejected', { plugin: mark.plugin, reason: mark.reason })}>
        ✕ {mark.plugin}
      </div>
    );
  }
  if (mark.kind === 'chosen') {
    return (
      <>
        <div key={mark.seq} className="sched-glow" aria-hidden />
        <div className="sched-badge chosen" title={t('map.schedChosen', { pod: mark.pod })}>
          ★ {compactPodName(mark.pod)}
        </div>
      </>
    );
  }
  if (mark.kind === 'nominated') {
    return (
      <div className="sched-badge nominated" title={t('map.schedNominated', { pod: mark.pod })}>
        ⚑ {compactPodName(mark.pod)}
      </div>
    );
  }
  return null;
}
type PendingData = { pods: PodChip[] };

const WorkerNode = memo(function WorkerNode({ data }: NodeProps<Node<CardData>>) {
  const { t } = useTranslation();
  const select = useMirror((s) => s.select);
  const selected = useMirror((s) => s.selection?.kind === 'Node' && s.selection.name === data.card.name);
  const { card } = data;
  const mark = useNodeMark(card.name);
  const dead = !card.alive || !card.ready;
  return (
    <div
      className={`node-card${dead ? ' dead' : ''}${!card.alive ? ' off' : ''}${selected ? ' selected' : ''}${markClass(mark)}`}
      style={{ width: NODE_W }}
      data-testid="node-card"
      data-node={card.name}
      data-ready={String(card.ready)}
      data-sched={mark?.kind ?? ''}
      data-sched-plugin={mark?.plugin || undefined}
    >
      <SchedOverlay mark={mark} />
      <Handle type="target" position={Position.Top} className="hidden-handle" isConnectable={false} />
      <div className="node-head" onClick={() => select({ kind: 'Node', namespace: '', name: card.name })} role="button" tabIndex={0}>
        <span className="node-icon"><ServerIcon /></span>
        <span className="node-name">{card.name}</span>
        <span className={`badge ${card.ready ? 'ok' : 'bad'}`} data-testid="node-status">
          {card.ready ? t('map.ready') : t('map.notReady')}
        </span>
      </div>
      <div className="node-meta">
        <span>{card.zone}</span>
        <span>{card.alive ? t('map.pods', { count: card.pods.length }) : t('map.powerOff')}</span>
      </div>
      <div className="chips">
        {card.pods.length === 0 ? <span className="muted small empty">{t('map.empty')}</span> : card.pods.map((p) => <Chip key={p.uid} chip={p} />)}
      </div>
      <div className="node-foot">
        {card.alive ? (
          <button className="btn small danger-ghost nodrag" data-testid={`kill-node-${card.name}`} onClick={() => send({ type: 'chaos.killNode', name: card.name })}>
            <PowerIcon /> {t('map.kill')}
          </button>
        ) : (
          <button className="btn small nodrag" data-testid={`restore-node-${card.name}`} onClick={() => send({ type: 'chaos.restoreNode', name: card.name })}>
            <RestoreIcon /> {t('map.restore')}
          </button>
        )}
      </div>
    </div>
  );
});

const ControlPlaneNode = memo(function ControlPlaneNode({ data }: NodeProps<Node<CardData>>) {
  const { t } = useTranslation();
  const select = useMirror((s) => s.select);
  const { card } = data;
  const mark = useNodeMark(card.name);
  const parts = [
    { id: 'etcd', name: 'etcd', desc: t('map.components.etcd') },
    { id: 'apiserver', name: 'kube-apiserver', desc: t('map.components.apiserver') },
    { id: 'scheduler', name: 'kube-scheduler', desc: t('map.components.scheduler') },
    { id: 'kcm', name: 'kube-controller-manager', desc: t('map.components.controllerManager') },
  ];
  return (
    <div
      className={`cp-card${card.ready ? '' : ' dead'}${markClass(mark)}`}
      data-testid="control-plane"
      data-node={card.name}
      data-sched={mark?.kind ?? ''}
      data-sched-plugin={mark?.plugin || undefined}
      style={{ width: NODE_W * 2 + GAP }}
    >
      <SchedOverlay mark={mark} />
      <div className="node-head" onClick={() => select({ kind: 'Node', namespace: '', name: card.name })} role="button" tabIndex={0}>
        <span className="node-icon"><BrainIcon /></span>
        <span className="node-name">{t('map.controlPlane')}</span>
        <span className="muted small">{card.name}</span>
        <span className={`badge ${card.ready ? 'ok' : 'bad'}`}>{card.ready ? t('map.ready') : t('map.notReady')}</span>
      </div>
      <div className="cp-parts">
        {parts.map((p) => (
          <div key={p.id} className={`cp-part part-${p.id}`}>
            <div className="cp-part-name">{p.name}</div>
            <div className="cp-part-desc">{p.desc}</div>
          </div>
        ))}
      </div>
      {card.pods.length > 0 && (
        <div className="chips cp-chips">
          {card.pods.map((p) => (
            <Chip key={p.uid} chip={p} />
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} className="hidden-handle" isConnectable={false} />
    </div>
  );
});

const PendingNode = memo(function PendingNode({ data }: NodeProps<Node<PendingData>>) {
  const { t } = useTranslation();
  const explainedPending = useExplain((s) => {
    const uid = s.selected?.record ? s.selected.uid : null;
    return !!uid && !s.selected?.record?.selected && data.pods.some((p) => p.uid === uid);
  });
  return (
    <div
      className={`pending-card${data.pods.length ? ' has-pods' : ''}${explainedPending ? ' sched-stuck' : ''}`}
      style={{ width: NODE_W }}
      data-testid="pending-area"
    >
      <div className="node-head">
        <span className="node-icon"><HourglassIcon /></span>
        <span className="node-name">{t('map.pending')}</span>
        <span className="count">{data.pods.length}</span>
      </div>
      <div className="node-meta">
        <span>{t('map.pendingHint')}</span>
      </div>
      <div className="chips">
        {data.pods.length === 0 ? <span className="muted small empty">{t('map.noPending')}</span> : data.pods.map((p) => <Chip key={p.uid} chip={p} />)}
      </div>
    </div>
  );
});

const nodeTypes = { worker: WorkerNode, controlPlane: ControlPlaneNode, pending: PendingNode };

/** Top centre: whose scheduling the map is showing, in one line. */
function SchedBanner() {
  const { t } = useTranslation();
  const key = useExplain(marksSummaryKey);
  if (!key) return null;
  const m = JSON.parse(key) as { pod: string; chosen: string | null; nominated: string | null; rejected: number; feasible: number; mode: string; seq: number };
  return (
    <div key={m.seq} className={`sched-banner ${m.mode}${m.chosen ? '' : ' stuck'}`} data-testid="sched-banner" data-mode={m.mode}>
      <span className="mono strong">{m.pod}</span>
      {m.chosen ? (
        <span>
          {' → '}
          <span className="mono strong chosen-name">{m.chosen}</span>
        </span>
      ) : (
        <span className="stuck-word"> — {t('map.schedNoNode')}</span>
      )}
      {m.nominated && (
        <span className="nominated-word">
          {' · ⚑ '}
          {t('map.schedNominatedShort', { node: m.nominated })}
        </span>
      )}
      {!m.nominated && (
        <span className="muted">
          {' · '}
          {t('map.schedCounts', { feasible: m.feasible, rejected: m.rejected })}
        </span>
      )}
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <div className="legend">
      {(['ok', 'progress', 'error', 'terminating'] as const).map((tone) => (
        <span key={tone} className="legend-item">
          <span className={`legend-swatch tone-${tone}`} />
          {t(`map.legend.${tone}`)}
        </span>
      ))}
    </div>
  );
}

/** `kubectl get deployments`, in a corner of the map. */
function Workloads() {
  const deployments = useKind('Deployment');
  const select = useMirror((s) => s.select);
  const list = Object.values(deployments).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (list.length === 0) return null;
  return (
    <table className="grid small workloads" data-testid="workloads">
      <thead>
        <tr>
          <th>DEPLOYMENT</th>
          <th>READY</th>
          <th>UP-TO-DATE</th>
          <th>AVAILABLE</th>
        </tr>
      </thead>
      <tbody>
        {list.map((d) => {
          const ready = d.status?.readyReplicas ?? 0;
          const want = d.spec?.replicas ?? 1;
          return (
            <tr key={d.metadata.uid ?? d.metadata.name}>
              <td>
                <button className="link" onClick={() => select({ kind: 'Deployment', namespace: d.metadata.namespace ?? '', name: d.metadata.name })}>
                  {d.metadata.name}
                </button>
              </td>
              <td className={ready === want ? 'ok' : 'progress'} data-testid={`deployment-ready-${d.metadata.name}`}>
                {ready}/{want}
              </td>
              <td>{d.status?.updatedReplicas ?? 0}</td>
              <td>{d.status?.availableReplicas ?? 0}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Map() {
  const nodes = useKind('Node');
  const pods = useKind('Pod');
  const nodesAlive = useMirror((s) => s.nodesAlive);
  const controlPlaneNodes = useMirror((s) => s.controlPlaneNodes);
  const select = useMirror((s) => s.select);
  const { fitView } = useReactFlow();

  const [cache] = useState(() => new MapCache());
  const prevFlow = useRef(new globalThis.Map<string, Node>());

  const { flowNodes, flowEdges, busy, shape } = useMemo(() => {
    const { cards, pending } = buildMap(nodes, pods, nodesAlive, controlPlaneNodes, cache);
    const cp = cards.find((c) => c.controlPlane);
    const workers = cards.filter((c) => c !== cp);
    const grid = layoutGrid(workers);
    const flowNodes: Node[] = [];
    const flowEdges: Edge[] = [];
    const rowWidth = Math.max(grid.cols * (NODE_W + GAP) - GAP, NODE_W * 3 + GAP * 2);
    const cpWidth = NODE_W * 2 + GAP;
    // A flow node keeps its object while its card and place are unchanged, so React Flow skips it.
    const prev = prevFlow.current;
    const next = new globalThis.Map<string, Node>();
    const keep = (id: string, type: string, x: number, y: number, data: Record<string, unknown>, dataKey: unknown) => {
      const old = prev.get(id);
      const n: Node =
        old && old.position.x === x && old.position.y === y && (old.data as { key?: unknown }).key === dataKey
          ? old
          : { id, type, position: { x, y }, data: { ...data, key: dataKey }, draggable: false, selectable: false };
      next.set(id, n);
      flowNodes.push(n);
    };
    if (cp) keep(`node/${cp.name}`, 'controlPlane', 0, 0, { card: cp }, cp);
    keep('pending', 'pending', Math.max(cpWidth + GAP, rowWidth - NODE_W), 0, { pods: pending }, pending);
    workers.forEach((card, i) => {
      keep(`node/${card.name}`, 'worker', (i % grid.cols) * (NODE_W + GAP), ROW2_Y + Math.floor(i / grid.cols) * grid.rowH, { card }, card);
      // Many nodes: a grid without wires (a fan of 50 animated edges only repaints the map).
      if (cp && workers.length <= ONE_ROW) {
        const ok = card.alive && card.ready;
        flowEdges.push({
          id: `e/${card.name}`,
          source: `node/${cp.name}`,
          target: `node/${card.name}`,
          type: 'smoothstep',
          animated: ok,
          className: ok ? 'edge-ok' : 'edge-dead',
        });
      }
    });
    prevFlow.current = next;
    const podCount = cards.reduce((n, c) => n + c.pods.length, pending.length);
    const busy = workers.length > ONE_ROW || podCount > BUSY_PODS;
    return { flowNodes, flowEdges, busy, shape: `${cards.map((c) => c.name).join(',')}|${grid.cols}x${grid.rowH}` };
  }, [nodes, pods, nodesAlive, controlPlaneNodes, cache]);

  // Edges change only with the nodes' health, not with every pod.
  const edgeKey = flowEdges.map((e) => `${e.id}:${e.animated ? 1 : 0}`).join(',');
  const stableEdges = useMemo(() => flowEdges, [edgeKey]);

  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: 0.06, maxZoom: 1.35, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [shape, fitView]);

  return (
    <ReactFlow
      nodes={flowNodes}
      edges={stableEdges}
      className={busy ? 'map-busy' : undefined}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.06, maxZoom: 1.35 }}
      minZoom={0.05}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      proOptions={{ hideAttribution: true }}
      onPaneClick={() => select(null)}
    >
      <Background gap={24} size={1} color="#d9dee5" />
      <Controls showInteractive={false} position="top-left" orientation="horizontal" />
      <Panel position="top-right">
        <Legend />
      </Panel>
      <Panel position="top-center" className="sched-panel">
        <SchedBanner />
      </Panel>
      <Panel position="bottom-left">
        <Workloads />
      </Panel>
    </ReactFlow>
  );
}

export function ClusterMap() {
  const { t } = useTranslation();
  const hasNodes = useMirror((s) => Object.keys(s.nodesAlive).length > 0);
  const summary = useMirror((s) => s.mode === 'summary');
  return (
    <section className="panel map-panel" data-testid="cluster-map" data-mode={summary ? 'summary' : 'full'} aria-label={t('map.title')}>
      {summary ? (
        <SummaryMap />
      ) : hasNodes ? (
        <ReactFlowProvider>
          <Map />
        </ReactFlowProvider>
      ) : (
        <div className="map-empty muted">{t('app.starting')}</div>
      )}
    </section>
  );
}
