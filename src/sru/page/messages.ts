/** Dutch messages for the SRU diagnostics a search from the form can run into. */
import { DIAG, type SruDiagnostic } from '../index.js';
import type { SearchForm } from './query.js';

export function friendlyMessage(d: SruDiagnostic, form: SearchForm): string {
  switch (d.code) {
    case DIAG.emptyTerm:
      return 'Vul zoekwoorden in met letters of cijfers.';
    case DIAG.invalidTerm:
      if (form.postcode && d.details.trim() === form.postcode.trim()) return `"${form.postcode}" is geen postcode. Een postcode is vier cijfers, eventueel gevolgd door twee letters, bijvoorbeeld 5014 of 5014 AB.`;
      if (form.vanaf || form.tot) return 'Een datum moet de vorm jjjj-mm-dd hebben, bijvoorbeeld 2025-01-31.';
      return `Met "${d.details}" kan niet worden gezocht.`;
    case DIAG.firstRecordOutOfRange:
      return 'Deze pagina bestaat niet: er zijn minder resultaten. Ga terug naar de eerste pagina.';
    case DIAG.nonSpecialEscaped:
    case DIAG.querySyntax:
      return 'De zoekvraag kon niet worden gelezen. Gebruik gewone woorden, zonder aanhalingstekens of haakjes.';
    case DIAG.tooManyRecords:
      return 'Er zijn te veel resultaten. Maak de zoekvraag specifieker.';
    default:
      return 'Met deze zoekvraag kan niet worden gezocht. Probeer andere zoekwoorden of haal een filter weg.';
  }
}
