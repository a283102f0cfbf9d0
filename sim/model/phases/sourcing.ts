/**
 * Phase: sourcing (docs/ODD.md §7.13). Vendors enter and leave with the demand for
 * their process; each town's vendor price, common-facility price and the cheapest way
 * its firms can get each process done (local vendor, facility, or a vendor in another
 * town within reach) are published for the pricing kernel. Main thread, town-process
 * order, vendor-id order: deterministic.
 */
import type { Phase, Simulation } from '../../simulation.js';
import { HEADER } from '../../state/header.js';
import { FACILITY_SOURCE, NO_SOURCE } from '../../state/towns.js';
import { countTick, TICK_COUNT } from '../../host.js';
import { ensureVendorCapacity, type World } from '../../world.js';
import {
  facilityPrice,
  remotePrice,
  secondHandShare,
  smoothed,
  vendorPrice,
  vendorShouldEnter,
  vendorShouldExit,
} from '../rules/sourcing.js';
import { yearAtTick } from '../paths.js';
import { policyInForce } from './policyLevers.js';

function addVendor(world: World, town: number, process: number, tick: number): number {
  const id = world.header[HEADER.vendorCount];
  ensureVendorCapacity(world, id + 1);
  const v = world.vendors.cols;
  v.alive[id] = 1;
  v.town[id] = town;
  v.process[id] = process;
  v.birthTick[id] = tick;
  v.capability[id] = world.params.vendors.vendorEntryCapability;
  world.header[HEADER.vendorCount] = id + 1;
  return id;
}

/** The youngest vendor of a process in a town leaves first (last in, first out). */
function youngestVendor(world: World, town: number, process: number): number {
  const v = world.vendors.cols;
  for (let id = world.header[HEADER.vendorCount] - 1; id >= 0; id--) {
    if (v.alive[id] === 1 && v.town[id] === town && v.process[id] === process) return id;
  }
  return -1;
}

function publishVendorCapability(world: World): void {
  const processCount = world.params.processes.length;
  const tp = world.townProcesses.cols;
  tp.vendorCapability.fill(0);
  const v = world.vendors.cols;
  for (let id = 0; id < world.header[HEADER.vendorCount]; id++) {
    if (v.alive[id] === 0) continue;
    tp.vendorCapability[v.town[id] * processCount + v.process[id]] += v.capability[id];
  }
  for (let slot = 0; slot < tp.vendors.length; slot++) {
    if (tp.vendors[slot] > 0) tp.vendorCapability[slot] /= tp.vendors[slot];
  }
}

/** Vendor entry and exit on last month's demand for each process in each town. */
function vendorTurnover(sim: Simulation, tick: number): void {
  const { world, host } = sim;
  const { params } = world;
  const townCount = params.towns.length;
  const processCount = params.processes.length;
  const tp = world.townProcesses.cols;
  for (let town = 0; town < townCount; town++) {
    for (let process = 0; process < processCount; process++) {
      const slot = town * processCount + process;
      // Demand a town's vendors can serve: the town's own need, plus what firms of
      // other towns bought from them last month.
      let demand = tp.neededUnits[slot];
      for (let other = 0; other < townCount; other++) {
        const otherSlot = other * processCount + process;
        if (other !== town && tp.accessSource[otherSlot] === town) demand += tp.boughtUnits[otherSlot];
      }
      tp.neededUnitsEma[slot] = smoothed(tp.neededUnitsEma[slot], demand, params.vendors.demandSmoothingMonths);
      const spec = params.processes[process];
      const smoothedDemand = tp.neededUnitsEma[slot];
      if (vendorShouldEnter(smoothedDemand, tp.vendors[slot], spec)) {
        const vendor = addVendor(world, town, process, tick);
        tp.vendors[slot] += 1;
        countTick(host, town, TICK_COUNT.vendorEntries);
        host.events.push({ type: 'vendor-entry', tick, vendor, town, process });
      } else if (vendorShouldExit(smoothedDemand, tp.vendors[slot], spec, params.vendors)) {
        const vendor = youngestVendor(world, town, process);
        world.vendors.cols.alive[vendor] = 0;
        tp.vendors[slot] -= 1;
        countTick(host, town, TICK_COUNT.vendorExits);
        host.events.push({
          type: 'vendor-exit',
          tick,
          vendor,
          town,
          process,
          ageMonths: tick - world.vendors.cols.birthTick[vendor],
        });
      }
    }
  }
}

export const sourcing: Phase = {
  name: 'sourcing',
  run(sim) {
    const { world } = sim;
    const { params } = world;
    const tick = world.header[HEADER.tick];
    const townCount = params.towns.length;
    const processCount = params.processes.length;
    const tc = world.towns.cols;
    for (let town = 0; town < townCount; town++)
      tc.secondHandShare[town] = secondHandShare(tc.firms[town], params.vendors);
    if (processCount === 0) return;
    const tp = world.townProcesses.cols;

    // Facility load: what firms bought from it last month, smoothed.
    for (let slot = 0; slot < tp.vendors.length; slot++) {
      const used = tp.accessSource[slot] === FACILITY_SOURCE ? tp.boughtUnits[slot] : 0;
      tp.facilityUnitsEma[slot] = smoothed(tp.facilityUnitsEma[slot], used, params.vendors.demandSmoothingMonths);
    }
    vendorTurnover(sim, tick);
    publishVendorCapability(world);

    for (let slot = 0; slot < tp.vendors.length; slot++) {
      const spec = params.processes[slot % processCount];
      const vendors = tp.vendors[slot];
      tp.localPrice[slot] = vendorPrice(
        spec,
        params.vendors,
        vendors,
        vendors > 0 ? tp.neededUnitsEma[slot] / vendors : 0,
        tp.vendorCapability[slot],
      );
      tp.facilityPrice[slot] = Infinity;
    }
    const year = yearAtTick(params.startYear, tick);
    for (const policy of params.policies) {
      if (policy.kind !== 'commonFacility' || !policyInForce(policy, year)) continue;
      for (const town of policy.townIndices) {
        for (let process = 0; process < processCount; process++) {
          if ((policy.processMask & (1 << process)) === 0) continue;
          const slot = town * processCount + process;
          const price = facilityPrice(
            params.processes[process],
            policy.priceShareOfVendor,
            tp.facilityUnitsEma[slot],
            policy.capacityUnitsPerMonth,
          );
          tp.facilityPrice[slot] = Math.min(tp.facilityPrice[slot], price);
        }
      }
    }

    // The cheapest way to get each process done, from each town.
    for (let town = 0; town < townCount; town++) {
      let accessible = 0;
      let localVendors = 0;
      for (let process = 0; process < processCount; process++) {
        const slot = town * processCount + process;
        let best = tp.localPrice[slot];
        let source = Number.isFinite(best) ? town : NO_SOURCE;
        if (Number.isFinite(best)) localVendors |= 1 << process;
        if (tp.facilityPrice[slot] < best) {
          best = tp.facilityPrice[slot];
          source = FACILITY_SOURCE;
        }
        for (let other = 0; other < townCount; other++) {
          if (other === town) continue;
          const price = remotePrice(
            tp.localPrice[other * processCount + process],
            params.travelHours[town][other],
            params.vendors,
          );
          if (price < best) {
            best = price;
            source = other;
          }
        }
        tp.accessPrice[slot] = best;
        tp.accessSource[slot] = source;
        if (source !== NO_SOURCE) accessible |= 1 << process;
      }
      tc.accessibleProcesses[town] = accessible;
      tc.localVendorProcesses[town] = localVendors;
    }
  },
};
