/**
 * Kestrel Vale: a fictional integrated care system the templates ship filled in with, so a user
 * sees every calculation working before typing their own figures. No real body or person.
 */
export const SAMPLE_SYSTEM = "Kestrel Vale ICS (fictional)";

/** A GP practice as the place-delegation template needs it (NHS England's practice file has these). */
export interface PracticeRow {
  code: string;
  name: string;
  /** The place it belongs to (an upper-tier local authority in NHS England's file). */
  place: string;
  population: number;
  weightedPopulation: number;
}

/** The practices of a system, and optional cash floors for its places (£). */
export interface DelegationSystem {
  name: string;
  practices: readonly PracticeRow[];
  floors?: Readonly<Record<string, number>>;
  /** Places in the order the template lists them; default: each place as first seen in practices. */
  places?: readonly string[];
}

const p = (code: string, name: string, place: string, population: number, weightedPopulation: number): PracticeRow => ({ code, name, place, population, weightedPopulation });

export const SAMPLE_DELEGATION: DelegationSystem = {
  name: SAMPLE_SYSTEM,
  practices: [
    p("Z10001", "Harbour Street Surgery", "Kestrel City", 14212.4, 16790.6),
    p("Z10002", "Castlegate Medical Practice", "Kestrel City", 9847.1, 11402.3),
    p("Z10003", "Kestrel City Health Centre", "Kestrel City", 21305.8, 25417.9),
    p("Z10004", "St Anne's Family Practice", "Kestrel City", 7618.3, 8951.2),
    p("Z10005", "Mill Lane Surgery", "Kestrel City", 12446, 14338.7),
    p("Z10006", "The Ropewalk Practice, Dockside", "Kestrel City", 16903.6, 19962.5),
    p("Z20001", "Moorside Surgery", "Northmoor", 6304.2, 6925.8),
    p("Z20002", "Fellgate Practice", "Northmoor", 4093.5, 4511),
    p("Z20003", "Northmoor Market Town Practice", "Northmoor", 8911.7, 9566.4),
    p("Z20004", "Riverbend & Dale Surgery", "Northmoor", 11187.9, 12103.2),
    p("Z20005", "High Fell Medical Centre", "Northmoor", 3752.6, 4140.9),
    p("Z30001", "Seafront Medical Practice", "Eastwold", 10391.3, 12044.1),
    p("Z30002", "Eastwold Bay Surgery", "Eastwold", 7248.8, 8195.4),
    p("Z30003", "Old Quay Health Centre", "Eastwold", 13826.5, 15987),
    p("Z30004", "Saltmarsh Surgery", "Eastwold", 5906.2, 6611.8),
    p("Z30005", "Lighthouse Family Practice", "Eastwold", 9112, 10306.9),
    p("Z40001", "Willow Park Surgery", "Riverside", 18604.7, 15811.2),
    p("Z40002", "Riverside Medical Group", "Riverside", 12297.4, 10734.9),
    p("Z40003", "Greenbank Practice", "Riverside", 15752.9, 13459.6),
    p("Z40004", "Orchard House Surgery", "Riverside", 9405.1, 8164.5),
  ],
  // Last year's cash for two places, so neither loses: Riverside's binds, Northmoor's does not.
  floors: { Riverside: 84500000, Northmoor: 60000000 },
};

/** Kestrel Vale's NHS bodies, in the order the system-plan and capital templates list them. */
export const SAMPLE_ORGANISATIONS = [
  { name: "Kestrel Vale ICB", type: "ICB" },
  { name: "Kestrel Hospitals NHS Foundation Trust", type: "NHS foundation trust" },
  { name: "Eastwold and Northmoor Hospitals NHS Trust", type: "NHS trust" },
  { name: "Kestrel Community Health NHS Trust", type: "NHS trust" },
  { name: "Kestrel Vale Mental Health NHS Foundation Trust", type: "NHS foundation trust" },
] as const;
