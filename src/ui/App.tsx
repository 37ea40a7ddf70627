/** The app shell: header, editor | map | inspector, events at the bottom. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPanel } from './editor/EditorPanel';
import { ClusterMap } from './graph/ClusterMap';
import { Header } from './Header';
import { Inspector } from './inspector/Inspector';
import { startSim, stopSim } from './state/simClient';
import { useMirror } from './state/store';
import { BottomDock } from './terminal/BottomDock';

function WorkerBanner() {
  const { t } = useTranslation();
  const status = useMirror((s) => s.workerStatus);
  const error = useMirror((s) => s.workerError);
  if (status !== 'dead') return null;
  return (
    <div className="banner" role="alert" data-testid="worker-dead">
      <span>{t('app.workerDead', { message: error ?? '' })}</span>
      <button className="btn small" data-testid="restart-sim" onClick={startSim}>
        {t('app.restart')}
      </button>
    </div>
  );
}

export function App() {
  useEffect(() => {
    startSim();
    return stopSim;
  }, []);
  return (
    <div className="app">
      <Header />
      <WorkerBanner />
      <main className="workspace">
        <EditorPanel />
        <ClusterMap />
        <Inspector />
        <BottomDock />
      </main>
    </div>
  );
}
