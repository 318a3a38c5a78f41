// The floors the consent classifier reaches on the real-screen corpus (npm run bench:consent prints the tables). A
// change that loses recall, names categories worse or flags a neutral screen fails here, with the misses listed.
import { consentBench } from '../../bench/consent-bench.js';
import { loadCorpus } from '../../src/eval/corpus.js';
import { addScreen, emptyTally, ratio, scoreScreen } from '../../src/eval/consent-score.js';

const scores = loadCorpus().map(scoreScreen);
const all = emptyTally();
for (const s of scores) addScreen(all, s);

describe('the consent classifier on the real-screen corpus', () => {
  test('reaches its floors: exposing and protective recall, category accuracy, neutral screens', () => {
    const report = consentBench(scores);
    const got = {
      exposing: ratio(all.exposingFound, all.exposing),
      protective: ratio(all.protectiveFound, all.protective),
      category: ratio(all.categoryRight, all.found),
      neutralFlagged: all.neutralFlagged,
      parseErrors: all.parseErrors,
    };
    // On failure the bench's table and its list of misses say where.
    // Measured on 268 screens (222, and C3's 46 validation screens); C3's general mechanisms (switch states, row
    // topics, ids, keypads, draft forms, credential sheets) reach 87.9 %, 92.6 %, 98.5 % and no neutral screen. The
    // exposing floor sits below the 222-screen one (0.88) because the new screens are harder, not the classifier worse.
    // Then 95.3 %, 92.6 %, 98.6 %: buttons read from where they stand (a sign-in form's, a "Tap to enable" banner's,
    // an AlertDialog's positive slot), fields named in their description, and everyday sign-in phrases.
    // With K4's 76 blind screens added (344 in all): 92.6 %, 92.6 %, 98.5 %; then 94.2 % exposing with an app's own
    // microphone and camera buttons, share bars' audiences and e-mail switches (98.3 % category: "Timeline emails" is
    // read as notifications, labelled data sharing).
    // With K5's 55 blind screens added (399 in all): 94.5 %, 91.4 %, 97.8 %, and 3 of 109 neutral screens flagged —
    // a carrier's "充值交费" (top-up) tiles, a German game's "Kasse" tab, a settings row "Send Feedback": menu entries
    // named by an action, which the classifier before this session flagged too. The neutral floor holds those three and
    // no more.
    // With K6's 34 blind screens added (433 in all): 92.0 %, 90.1 %, 97.8 %, 4 of 122 neutral (K6's "Cadastrar", a
    // service-order list's add button read as sign-up, flagged at this stop's start too).
    // Then 92.3 % with the system file picker (DocumentsUI picking for an app). Then 93.5 %, 90.1 %, 97.9 %, 3 of 122
    // with accounts and erasure (continue with <provider> in every language, an auth landing page's Get Started,
    // clean-up verbs that erase what an app keeps) and the service-order list's bare "Cadastrar" read as a record.
    // Then 95.9 %, 91.0 %, 98.4 %, no neutral screen, with media sources (a camera beside a gallery, picking and
    // attaching photos, a composer's 📎, an upload beside a camera), starting to share (a server, a hotspot) and a
    // button inside the row that names its access. Then 95.5 %, 91.0 %, 98.4 %: a camera beside a gallery is no consent
    // point (its permission dialog is the grant; asking at "Take photo" too asked twice for one photo).
    const floors = { exposing: 0.955, protective: 0.909, category: 0.984, neutralFlagged: 0 };
    if (got.parseErrors) throw new Error(`${got.parseErrors} dumps do not parse\n${report}`);
    if (got.exposing < floors.exposing) throw new Error(`exposing recall ${got.exposing}\n${report}`);
    if (got.protective < floors.protective) throw new Error(`protective recall ${got.protective}\n${report}`);
    if (got.category < floors.category) throw new Error(`category accuracy ${got.category}\n${report}`);
    // (A Huawei calendar's "删除提醒" in a new-event form edits the draft: editing.ts.)
    if (got.neutralFlagged > floors.neutralFlagged)
      throw new Error(`${got.neutralFlagged} neutral screens flagged\n${report}`);
  });

  test('the bench prints the table per category and per language', () => {
    const report = consentBench(scores);
    expect(report).toMatch(/\| category +\| exposing/);
    expect(report).toMatch(/\| language +\| exposing/);
    for (const l of new Set(scores.map((s) => s.language))) expect(report).toMatch(new RegExp(`^\\| ${l} +\\|`, 'm'));
  });
});
