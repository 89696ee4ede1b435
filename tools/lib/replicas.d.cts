export interface PlannedReplica {
  id: string;
  service: string;
  replica: number;
  port: number;
}

export declare const MAX_REPLICAS: number;
export declare const PORT_STEP: number;
export declare function parseReplicas(argv: readonly string[], services: readonly string[]): Record<string, number>;
export declare function replicaPlan(services: readonly { name: string; port: number }[], counts: Record<string, number>, balanced?: readonly string[]): PlannedReplica[];
