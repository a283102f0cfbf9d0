/**
 * The outputs of a run written while it runs (RunJob.sink): events.jsonl a month at
 * a time and firms.csv a December at a time, each to its temporary name, plus the
 * digest summary.json and the charts need. A national run then holds neither its
 * ~3 million events nor its ~2.3 million panel rows; the files are renamed into place
 * with the rest of the batch (writeFilesAtomically), or deleted if the run fails.
 * The bytes are those of eventsJsonlChunks / firmsPanelCsvChunks on a kept run.
 */
import type { ModelParams } from '../../sim/params.js';
import type { RunSink } from '../../sim/runOne.js';
import { openStagedFile, type StagedFile } from './atomicWrite.js';
import { createDigestBuilder, type RunDigest } from './digest.js';
import { eventLineChunks, eventNames } from './eventsJsonl.js';
import { FIRMS_PANEL_CSV_HEADER, firmsPanelRowChunks } from './firmsPanelCsv.js';

export const EVENTS_FILE = 'events.jsonl';
export const FIRMS_FILE = 'firms.csv';

export interface StreamedOutputs {
  readonly sink: RunSink;
  /** After the run: the two staged files and the digest. */
  finish(): { events: StagedFile; firms: StagedFile; digest: RunDigest };
  /** The run failed: delete the staged files. */
  discard(): void;
}

export function streamRunOutputs(dir: string, params: ModelParams): StreamedOutputs {
  const townNames = params.towns.map((town) => town.name);
  const names = eventNames({ townNames, params });
  const digest = createDigestBuilder(params.years);
  const eventsFile = openStagedFile(dir, EVENTS_FILE);
  let firmsFile;
  try {
    firmsFile = openStagedFile(dir, FIRMS_FILE);
  } catch (error) {
    eventsFile.discard();
    throw error;
  }
  const firms = firmsFile;
  firms.write(FIRMS_PANEL_CSV_HEADER);
  return {
    sink: {
      events(events) {
        for (const chunk of eventLineChunks(events, params.startYear, names)) eventsFile.write(chunk);
        digest.addEvents(events);
      },
      panelRows(panel) {
        for (const chunk of firmsPanelRowChunks(panel, townNames)) firms.write(chunk);
        digest.addPanelRows(panel);
      },
    },
    finish() {
      return { events: eventsFile.finish(), firms: firms.finish(), digest: digest.digest };
    },
    discard() {
      eventsFile.discard();
      firms.discard();
    },
  };
}
