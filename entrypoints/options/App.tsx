import { useState } from 'preact/hooks';
import { ConnectionsSection } from './ConnectionsSection';
import { DeleteAllSection } from './DeleteAllSection';
import { ExportSection } from './ExportSection';
import { FillInSection } from './FillInSection';
import { GroupImportSection } from './GroupImportSection';
import { HistorySection } from './HistorySection';
import { ImportCard } from './ImportCard';
import { Intro } from './Intro';
import { MastodonInstancesSection } from './MastodonInstancesSection';
import { OwnHandlesSection } from './OwnHandlesSection';
import { PublishSection } from './PublishSection';
import { RosterSection } from './RosterSection';
import { RosterSourceSection } from './RosterSourceSection';
import { SectionNav, SkipLink } from './SectionNav';
import { useChanges } from './use-changes';
import { useRoster } from './use-roster';

/** The options page: its sections, in order, and what they share (the roster, and news that data changed). */
export function App() {
  const roster = useRoster();
  // Export and "delete all data" report in the same place.
  const [dataNotice, setDataNotice] = useState('');
  // Bumped whenever the data may have changed outside this page's own actions: sections reload on it.
  const [dataVersion, setDataVersion] = useState(0);
  // Bumped by "delete all data": remounts the settings sections so they show the emptied storage.
  const [resets, setResets] = useState(0);

  // The background writes follows and history while this page is open.
  useChanges(() => {
    void roster.reload();
    setDataVersion((version) => version + 1);
  });

  async function afterDeleteAll() {
    setResets((count) => count + 1);
    setDataVersion((version) => version + 1);
    await roster.reload();
  }

  return (
    <div class="page">
      <SkipLink />
      <Intro />
      <SectionNav />
      <main id="main" tabIndex={-1}>
        <ImportCard onImported={roster.reload} resets={resets} />
        <RosterSourceSection key={`source-${resets}`} onImported={roster.reload} />
        <GroupImportSection key={`group-${resets}`} onImported={roster.reload} />
        <RosterSection roster={roster} />
        <FillInSection members={roster.members} onAdded={roster.reload} />
        <ExportSection notice={dataNotice} onNotice={setDataNotice} />
        <PublishSection />
        <OwnHandlesSection key={`own-${resets}`} />
        <ConnectionsSection key={`connections-${resets}`} />
        <MastodonInstancesSection />
        <HistorySection key={`history-${resets}`} version={dataVersion} />
        <DeleteAllSection
          count={roster.members?.length ?? 0}
          onNotice={setDataNotice}
          onDeleted={afterDeleteAll}
        />
      </main>
    </div>
  );
}
