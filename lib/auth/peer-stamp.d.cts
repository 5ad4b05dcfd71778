export declare const PEER_HEADER: "x-roster-peer";
export declare function installPeerStamp(trustProxy: number): void;
export declare function peerStampFor(address: string): string;
export declare function stampedPeer(value: string | null | undefined): string | null;
