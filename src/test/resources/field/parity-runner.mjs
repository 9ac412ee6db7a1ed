// Runs static/field/js/classifier.js on the cases of FieldClassifierParityTest under node:
// node parity-runner.mjs <classifier.js URL> <input.json> <output.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [, , classifierUrl, inputFile, outputFile] = process.argv;
const { classify } = await import(classifierUrl);
writeFileSync(outputFile, JSON.stringify(runAll(JSON.parse(readFileSync(inputFile, 'utf8')))));

function runAll(input) {
  return input.cases.map((c) => {
    const household = { household: c.household, members: c.members };
    const options = { communeArea: c.communeArea };
    return { id: c.id, vi: classify(input.standards[c.standard], household, c.reference, 'vi', options),
      en: classify(input.standards[c.standard], household, c.reference, 'en', options) };
  });
}
