/**
 * Phase 8, sourcing (sim/model/phases/sourcing.ts): the second-hand machine market;
 * vendors enter and leave with last month's demand for their process; vendor,
 * common-facility and remote prices; and the cheapest way each town's firms can get
 * each process done. Town-process order, vendor-id order.
 */
import { FACILITY_SOURCE, NO_SOURCE } from '../../../sim/state/towns.js';
import {
  facilityPrice,
  remotePrice,
  secondHandShare,
  smoothed,
  vendorPrice,
  vendorShouldEnter,
  vendorShouldExit,
} from '../../../sim/model/rules/sourcing.js';
import { policyInForce } from '../../../sim/model/phases/policyLevers.js';
import { yearAtTick } from '../../../sim/model/paths.js';
import type { Model } from '../model.js';
import { recordEvent } from '../events.js';

export function sourcing(model: Model): void {
  const { params } = model;
  for (const town of model.towns) town.secondHandShare = secondHandShare(town.firms, params.vendors);
  if (params.processes.length === 0) return;
  // Facility load: what firms bought from it last month, smoothed.
  for (const town of model.towns) {
    for (const place of town.processes) {
      const used = place.accessSource === FACILITY_SOURCE ? place.boughtUnits : 0;
      place.facilityUnitsEma = smoothed(place.facilityUnitsEma, used, params.vendors.demandSmoothingMonths);
    }
  }
  vendorTurnover(model);
  meanVendorCapability(model);
  for (const town of model.towns) {
    town.processes.forEach((place, process) => {
      place.localPrice = vendorPrice(
        params.processes[process],
        params.vendors,
        place.vendors,
        place.vendors > 0 ? place.neededUnitsEma / place.vendors : 0,
        place.vendorCapability,
      );
      place.facilityPrice = Infinity;
    });
  }
  commonFacilityPrices(model);
  cheapestSources(model);
}

/** Vendor entry and exit on the smoothed demand a town's vendors could serve. */
function vendorTurnover(model: Model): void {
  const { params, tick } = model;
  for (const town of model.towns) {
    town.processes.forEach((place, process) => {
      // The town's own need, plus what firms of other towns bought from its vendors last month.
      let demand = place.neededUnits;
      for (const other of model.towns) {
        const there = other.processes[process];
        if (other !== town && there.accessSource === town.index) demand += there.boughtUnits;
      }
      place.neededUnitsEma = smoothed(place.neededUnitsEma, demand, params.vendors.demandSmoothingMonths);
      const spec = params.processes[process];
      if (vendorShouldEnter(place.neededUnitsEma, place.vendors, spec)) {
        const vendor = model.addVendor(town.index, process);
        place.vendors += 1;
        town.count('vendorEntries');
        recordEvent(model, { type: 'vendor-entry', tick, vendor: vendor.id, town: town.index, process });
      } else if (vendorShouldExit(place.neededUnitsEma, place.vendors, spec, params.vendors)) {
        // The youngest vendor leaves first (last in, first out).
        const vendor = model.vendors.findLast((v) => v.alive && v.town === town.index && v.process === process)!;
        vendor.alive = false;
        place.vendors -= 1;
        town.count('vendorExits');
        recordEvent(model, {
          type: 'vendor-exit',
          tick,
          vendor: vendor.id,
          town: town.index,
          process,
          ageMonths: tick - vendor.birthTick,
        });
      }
    });
  }
}

function meanVendorCapability(model: Model): void {
  for (const town of model.towns) for (const place of town.processes) place.vendorCapability = 0;
  for (const vendor of model.vendors) {
    if (vendor.alive) model.processOf(vendor.town, vendor.process).vendorCapability += vendor.capability;
  }
  for (const town of model.towns) {
    for (const place of town.processes) if (place.vendors > 0) place.vendorCapability /= place.vendors;
  }
}

function commonFacilityPrices(model: Model): void {
  const { params } = model;
  const year = yearAtTick(params.startYear, model.tick);
  for (const policy of params.policies) {
    if (policy.kind !== 'commonFacility' || !policyInForce(policy, year)) continue;
    for (const town of policy.townIndices) {
      params.processes.forEach((spec, process) => {
        if ((policy.processMask & (1 << process)) === 0) return;
        const place = model.processOf(town, process);
        const price = facilityPrice(
          spec,
          policy.priceShareOfVendor,
          place.facilityUnitsEma,
          policy.capacityUnitsPerMonth,
        );
        place.facilityPrice = Math.min(place.facilityPrice, price);
      });
    }
  }
}

/** The cheapest source of each process for each town: local vendors, the facility, or another town. */
function cheapestSources(model: Model): void {
  const { params } = model;
  for (const town of model.towns) {
    let accessible = 0;
    let localVendors = 0;
    town.processes.forEach((place, process) => {
      let best = place.localPrice;
      let source = Number.isFinite(best) ? town.index : NO_SOURCE;
      if (Number.isFinite(best)) localVendors |= 1 << process;
      if (place.facilityPrice < best) {
        best = place.facilityPrice;
        source = FACILITY_SOURCE;
      }
      for (const other of model.towns) {
        if (other === town) continue;
        const price = remotePrice(
          other.processes[process].localPrice,
          params.travelHours[town.index][other.index],
          params.vendors,
        );
        if (price < best) {
          best = price;
          source = other.index;
        }
      }
      place.accessPrice = best;
      place.accessSource = source;
      if (source !== NO_SOURCE) accessible |= 1 << process;
    });
    town.accessibleProcesses = accessible;
    town.localVendorProcesses = localVendors;
  }
}
