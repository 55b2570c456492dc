/**
 * The starting text of a new workshop's vision, in the workshop's language: three sections, each
 * a heading and an empty paragraph whose prompt is its placeholder (issue #17: shown until someone
 * writes there, never text, never exported). Written straight into the Y.XmlFragment in the shape
 * y-prosemirror gives `visionSchema` nodes (element per node, attributes for node attrs).
 */
import * as Y from 'yjs';
import type { Language } from '../api.js';
import { VisionKey, visionFragment } from './schema.js';

interface Section {
  heading: string;
  prompt: string;
}

const TEMPLATE: Record<Language, { title: string; sections: Section[] }> = {
  nn: {
    title: 'Draumebiletet vårt',
    sections: [
      { heading: 'Kva vi skal oppnå saman', prompt: 'Skildra kva som er annleis når vi har lukkast, for innbyggjarane og for kvar av verksemdene.' },
      { heading: 'Behova til sluttbrukarane', prompt: 'Kven er sluttbrukarane, og kva treng dei frå oss saman som ingen av oss kan gje åleine?' },
      { heading: 'Forteljinga vår', prompt: 'Korleis kom vi hit, og kvar er vi på veg? Skriv historia saman med dei andre aktørane.' },
    ],
  },
  nb: {
    title: 'Drømmebildet vårt',
    sections: [
      { heading: 'Hva vi skal oppnå sammen', prompt: 'Beskriv hva som er annerledes når vi har lyktes, for innbyggerne og for hver av virksomhetene.' },
      { heading: 'Sluttbrukernes behov', prompt: 'Hvem er sluttbrukerne, og hva trenger de fra oss sammen som ingen av oss kan gi alene?' },
      { heading: 'Vår fortelling', prompt: 'Hvordan kom vi hit, og hvor er vi på vei? Skriv historien sammen med de andre aktørene.' },
    ],
  },
  en: {
    title: 'Our shared vision',
    sections: [
      { heading: 'What we will achieve together', prompt: 'Describe what is different once we have succeeded, for the public and for each organisation.' },
      { heading: "The end users' needs", prompt: 'Who are the end users, and what do they need from us together that none of us can give alone?' },
      { heading: 'Our story', prompt: 'How did we get here, and where are we going? Write the story together with the other actors.' },
    ],
  },
};

function block(name: string, text: string, attrs: Record<string, number> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as unknown as string);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

/** An empty paragraph showing `prompt` until someone writes in it (as y-prosemirror writes an empty one: no children). */
function placeholder(prompt: string): Y.XmlElement {
  const el = new Y.XmlElement('paragraph');
  el.setAttribute(VisionKey.placeholder, prompt);
  return el;
}

/** Fills an empty vision with the template; does nothing if the fragment has any content. */
export function writeVisionTemplate(doc: Y.Doc, language: Language): boolean {
  const fragment = visionFragment(doc);
  if (fragment.length > 0) return false;
  const t = TEMPLATE[language];
  const blocks: Y.XmlElement[] = [block('heading', t.title, { level: 2 })];
  for (const s of t.sections) blocks.push(block('heading', s.heading, { level: 3 }), placeholder(s.prompt));
  doc.transact(() => fragment.insert(0, blocks));
  return true;
}

/** Removes everything and writes the template again (the caller checks the text is empty). */
export function resetVisionTemplate(doc: Y.Doc, language: Language): void {
  const fragment = visionFragment(doc);
  doc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    writeVisionTemplate(doc, language);
  });
}

/** The template as one Yjs update, for a new workshop's vision room. */
export function visionTemplateUpdate(language: Language): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  writeVisionTemplate(doc, language);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
