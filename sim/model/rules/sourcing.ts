/**
 * Make-or-buy and specialist vendors as pure functions (docs/ODD.md §7.13). Each
 * rule cites the seed passage behind it ([P] = Punjab seed, Caniëls & Romijn).
 */
import type { ProcessParams, VendorParams } from '../../params.js';

/** Exponential smoothing over `months` (a `months`-month moving average, roughly). */
export function smoothed(previous: number, value: number, months: number): number {
  return previous + (value - previous) / Math.max(1, months);
}

/**
 * Price of a town's vendors of one process, money per product unit. Falls with the
 * volume each vendor works at (scale economies for input suppliers, I a), with the
 * number of local vendors (keen supplier competition, I b) and with what vendors have
 * mastered (II b). "There are economies of scale in their use" ([P] §4.1, Nabi 1988).
 * Infinity when the town has no vendor of the process.
 */
export function vendorPrice(
  process: ProcessParams,
  vendors: VendorParams,
  vendorCount: number,
  unitsPerVendor: number,
  meanVendorCapability: number,
): number {
  if (vendorCount <= 0) return Infinity;
  const scaleRatio = Math.min(4, Math.max(0.25, unitsPerVendor / process.minEfficientScaleUnitsPerMonth));
  const scale = Math.pow(scaleRatio, -vendors.volumeDiscountElasticity);
  const competition = 1 / (1 + vendors.competitionDiscountPerVendor * (vendorCount - 1));
  const mastery = 1 - vendors.vendorCapabilityPriceDiscount * meanVendorCapability;
  return process.vendorPricePerUnit * scale * competition * mastery;
}

/**
 * A vendor enters when the town's demand for its process would keep one more vendor at
 * its minimum efficient scale: "investing in processes that require a critical minimum
 * production scale to be economically viable" ([P] §4.1, I c).
 */
export function vendorShouldEnter(demandUnits: number, vendorCount: number, process: ProcessParams): boolean {
  return demandUnits / (vendorCount + 1) >= process.minEfficientScaleUnitsPerMonth;
}

/** A vendor leaves when demand per vendor falls below a share of the minimum efficient scale. */
export function vendorShouldExit(
  demandUnits: number,
  vendorCount: number,
  process: ProcessParams,
  vendors: VendorParams,
): boolean {
  return (
    vendorCount > 0 && demandUnits / vendorCount < vendors.exitShareOfScale * process.minEfficientScaleUnitsPerMonth
  );
}

/**
 * Price of a vendor in another town, reached by road: its price plus travel cost, or
 * Infinity beyond reach. The nearest gear-cutting alternative to Mian Channun was "a
 * several hours' drive away in Lahore" and firms "would not have embarked on" rotary
 * cultivators without the local service ([P] §4.1).
 */
export function remotePrice(localPriceThere: number, travelHours: number, vendors: VendorParams): number {
  if (travelHours > vendors.maxTravelHours) return Infinity;
  return localPriceThere + vendors.travelCostPerUnitHour * travelHours;
}

/**
 * Price at a common facility: a share of a lone vendor's price, rising with congestion
 * once its load passes its capacity (the Mian Channun machining service, [P] §4.1).
 */
export function facilityPrice(
  process: ProcessParams,
  priceShareOfVendor: number,
  loadUnits: number,
  capacityUnits: number,
): number {
  const congestion = capacityUnits > 0 ? Math.max(1, loadUnits / capacityUnits) : Infinity;
  return process.vendorPricePerUnit * priceShareOfVendor * congestion;
}

/** Share of a fully developed second-hand machine market: grows with the town's firms ([P] §4.1, I d). */
export function secondHandShare(townFirms: number, vendors: VendorParams): number {
  return Math.min(1, townFirms / vendors.secondHandMarketFirms);
}

/**
 * Cost of a machine to a firm: reconditioned second-hand machines bring "good-quality
 * foreign machines within financial reach" ([P] §4.1, Nabi 1988:157).
 */
export function machineCost(process: ProcessParams, vendors: VendorParams, townSecondHandShare: number): number {
  return process.machineCost * (1 - vendors.secondHandDiscount * townSecondHandShare);
}

/**
 * Operating cost of doing a process in-house, per product unit: the same scale economy as
 * a vendor's (I a) on the firm's own volume - `inHouseCostPerUnit` at the minimum efficient
 * scale, dearer below it, cheaper above. Small workshops buy; a workshop that has grown
 * large enough can do it cheaper itself ("many workshops which such humble origins had
 * expanded backwards in due course into technologically more demanding manufacturing,
 * casting and forging operations", [P] §4.1).
 */
export function inHouseCostPerUnit(process: ProcessParams, vendors: VendorParams, unitsPerMonth: number): number {
  const scaleRatio = Math.min(4, Math.max(0.25, unitsPerMonth / process.minEfficientScaleUnitsPerMonth));
  return process.inHouseCostPerUnit * Math.pow(scaleRatio, -vendors.volumeDiscountElasticity);
}

/**
 * Make or buy: a firm buys a machine when what it saves on its own volume repays the
 * machine within the payback period - the "gradual investment path" of backward
 * integration ([P] §4.1: tiny units "expanded backwards in due course").
 */
export function machinePaysBack(
  buyPricePerUnit: number,
  process: ProcessParams,
  unitsPerMonth: number,
  cost: number,
  vendors: VendorParams,
): boolean {
  const savingPerMonth = (buyPricePerUnit - inHouseCostPerUnit(process, vendors, unitsPerMonth)) * unitsPerMonth;
  return savingPerMonth > 0 && savingPerMonth * vendors.paybackMonths >= cost;
}
