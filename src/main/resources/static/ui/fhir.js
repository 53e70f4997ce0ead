// FHIR R4 resources from the page's order lines and back: what an EHR would send.
'use strict';

const Fhir = (() => {
  const CPT = 'http://www.ama-assn.org/go/cpt';
  const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
  const MODIFIER = 'http://www.ama-assn.org/go/cpt-modifier';
  const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
  const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
  const PATIENT = 'pat-demo';
  const ENCOUNTER = 'enc-demo';

  const systemOf = code => (/^\d/.test(code) ? CPT : HCPCS);
  const list = text => String(text || '').split(',').map(s => s.trim()).filter(Boolean);

  function serviceRequest(line, diagnoses) {
    const request = {
      resourceType: 'ServiceRequest', id: line.id, status: 'draft', intent: 'order',
      code: { coding: [{ system: systemOf(line.code), code: line.code }] },
      subject: { reference: 'Patient/' + PATIENT }, encounter: { reference: 'Encounter/' + ENCOUNTER },
      occurrenceDateTime: line.date, authoredOn: line.date,
      requester: { reference: 'Practitioner/prac-demo' },
      locationCode: [{ coding: [{ system: POS, code: line.pos }] }]
    };
    if (diagnoses.length) request.reasonCode = diagnoses.map(code => ({ coding: [{ system: ICD10CM, code }] }));
    if (line.units > 1 || /^J/.test(line.code)) request.quantityQuantity = { value: line.units };
    if (line.modifiers.length) request.orderDetail = line.modifiers.map(code => ({ coding: [{ system: MODIFIER, code }] }));
    if (line.muscles.length) request.bodySite = line.muscles.map(text => ({ text }));
    return request;
  }

  function codingIn(concept) {
    return ((concept && concept.coding) || []).find(c => c.code) || {};
  }

  /** A ServiceRequest or Procedure (a suggestion's resource) back into an order line. */
  function line(resource) {
    const pos = codingIn((resource.locationCode || [])[0]).code;
    return {
      id: resource.id,
      code: codingIn(resource.code).code || '',
      units: (resource.quantityQuantity && resource.quantityQuantity.value) || 1,
      modifiers: (resource.orderDetail || []).map(d => codingIn(d).code).filter(Boolean),
      pos: pos || '11',
      date: resource.occurrenceDateTime || resource.performedDateTime || '',
      muscles: (resource.bodySite || []).map(site => site.text || codingIn(site).display).filter(Boolean)
    };
  }

  function bundle(type, resources) {
    return { resourceType: 'Bundle', type, entry: resources.map(resource => ({ resource })) };
  }

  function conditions(diagnoses) {
    return bundle('searchset', diagnoses.map((code, i) => ({
      resourceType: 'Condition', id: 'cond-' + (i + 1),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: ICD10CM, code }] }, subject: { reference: 'Patient/' + PATIENT }
    })));
  }

  function coverage(payer) {
    return bundle('searchset', [{
      resourceType: 'Coverage', id: 'cov-demo', status: 'active',
      beneficiary: { reference: 'Patient/' + PATIENT }, payor: [{ display: payer }]
    }]);
  }

  function orderHook(hook, lines, state, selections) {
    const context = {
      userId: 'Practitioner/prac-demo', patientId: PATIENT, encounterId: ENCOUNTER,
      draftOrders: bundle('collection', lines.map(l => serviceRequest(l, state.diagnoses)))
    };
    if (hook === 'order-select') context.selections = selections;
    return {
      hook, hookInstance: uuid(), context,
      prefetch: { conditions: conditions(state.diagnoses), coverage: coverage(state.payer),
        history: bundle('searchset', []) }
    };
  }

  /** The lines as the encounter's Procedures: one Procedure per unit, ids kept for the first. */
  function procedures(lines, diagnoses) {
    const out = [];
    lines.filter(l => systemOf(l.code) === CPT).forEach(l => {
      for (let unit = 0; unit < l.units; unit++) {
        const procedure = {
          resourceType: 'Procedure', id: unit === 0 ? l.id : l.id + '-' + (unit + 1), status: 'completed',
          code: { coding: [{ system: CPT, code: l.code }] },
          subject: { reference: 'Patient/' + PATIENT }, encounter: { reference: 'Encounter/' + ENCOUNTER },
          performedDateTime: l.date
        };
        if (diagnoses.length) procedure.reasonCode = diagnoses.map(code => ({ coding: [{ system: ICD10CM, code }] }));
        if (l.muscles.length && unit === 0) procedure.bodySite = l.muscles.map(text => ({ text }));
        out.push(procedure);
      }
    });
    return out;
  }

  function dischargeHook(lines, state) {
    return {
      hook: 'encounter-discharge', hookInstance: uuid(),
      context: { userId: 'Practitioner/prac-demo', patientId: PATIENT, encounterId: ENCOUNTER },
      prefetch: { procedures: bundle('searchset', procedures(lines, state.diagnoses)),
        conditions: conditions(state.diagnoses), coverage: coverage(state.payer), history: bundle('searchset', []) }
    };
  }

  function claim(lines, state) {
    const dates = lines.map(l => l.date).filter(Boolean).sort();
    const modifierSystem = code => (/^\d/.test(code) ? CPT : HCPCS);
    return {
      resourceType: 'Claim', id: 'claim-demo',
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Claim built by the demo page from '
        + lines.length + ' order lines</div>' },
      contained: [{ resourceType: 'Coverage', id: 'coverage', status: 'active',
        beneficiary: { display: 'Example patient' }, payor: [{ display: state.payer }] }],
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      use: 'claim', patient: { display: 'Example patient' },
      billablePeriod: { start: dates[0], end: dates[dates.length - 1] }, created: dates[dates.length - 1],
      provider: { display: 'Example neurology clinic' },
      priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
      diagnosis: state.diagnoses.length === 0 ? undefined : state.diagnoses.map((code, i) => ({ sequence: i + 1,
        diagnosisCodeableConcept: { coding: [{ system: ICD10CM, code }] } })),
      insurance: [{ sequence: 1, focal: true, coverage: { reference: '#coverage', display: state.payer } }],
      item: lines.map((l, i) => {
        const item = { sequence: i + 1 };
        if (state.diagnoses.length) item.diagnosisSequence = state.diagnoses.map((_, d) => d + 1);
        item.productOrService = { coding: [{ system: systemOf(l.code), code: l.code }] };
        if (l.modifiers.length) item.modifier = l.modifiers.map(code => ({ coding: [{ system: modifierSystem(code), code }] }));
        item.servicedDate = l.date;
        item.locationCodeableConcept = { coding: [{ system: POS, code: l.pos }] };
        item.quantity = { value: l.units };
        return item;
      })
    };
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => (Math.random() * 16 | 0).toString(16));
  }

  return { list, line, orderHook, dischargeHook, claim, uuid };
})();
