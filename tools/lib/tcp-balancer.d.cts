import type { Server } from 'node:net';

export declare function createBalancer(backends: () => { host: string; port: number }[]): Server;
