// CloudNativePG's resources (API postgresql.cnpg.io/v1, release 1.30), as its API reference and
// CRDs document them: every field of each level the suite writes, so that a typo or a field the
// operator does not know fails the check (no npm or Maven package carries CloudNativePG's schema).
// Levels the suite does not write are typed loosely (unknown) and left to the operator's own
// validation. Transcribed by hand, not copied.

import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";

type Quantity = string;
interface LocalObjectReference { name: string }
interface SecretKeySelector { name: string; key: string }

export interface ClusterSpec {
  affinity?: {
    additionalPodAffinity?: unknown;
    additionalPodAntiAffinity?: unknown;
    enablePodAntiAffinity?: boolean;
    nodeAffinity?: unknown;
    nodeSelector?: Record<string, string>;
    podAntiAffinityType?: "preferred" | "required";
    tolerations?: unknown[];
    topologyKey?: string;
  };
  backup?: {
    barmanObjectStore?: {
      azureCredentials?: unknown;
      data?: {
        additionalCommandArgs?: string[];
        compression?: "bzip2" | "gzip" | "lz4" | "snappy" | "xz" | "zstd";
        encryption?: "AES256" | "aws:kms";
        immediateCheckpoint?: boolean;
        jobs?: number;
        restoreAdditionalCommandArgs?: string[];
      };
      destinationPath: string;
      endpointCA?: SecretKeySelector;
      endpointURL?: string;
      googleCredentials?: unknown;
      historyTags?: Record<string, string>;
      s3Credentials?: {
        accessKeyId?: SecretKeySelector;
        inheritFromIAMRole?: boolean;
        region?: SecretKeySelector;
        secretAccessKey?: SecretKeySelector;
        sessionToken?: SecretKeySelector;
      };
      serverName?: string;
      tags?: Record<string, string>;
      wal?: {
        archiveAdditionalCommandArgs?: string[];
        compression?: "bzip2" | "gzip" | "lz4" | "snappy" | "xz" | "zstd";
        encryption?: "AES256" | "aws:kms";
        maxParallel?: number;
        restoreAdditionalCommandArgs?: string[];
      };
    };
    retentionPolicy?: string;
    target?: "primary" | "prefer-standby";
    volumeSnapshot?: unknown;
  };
  bootstrap?: {
    initdb?: {
      builtinLocale?: string;
      dataChecksums?: boolean;
      database?: string;
      encoding?: string;
      icuLocale?: string;
      icuRules?: string;
      import?: unknown;
      locale?: string;
      localeCType?: string;
      localeCollate?: string;
      localeProvider?: string;
      options?: string[];
      owner?: string;
      postInitApplicationSQL?: string[];
      postInitApplicationSQLRefs?: unknown;
      postInitSQL?: string[];
      postInitSQLRefs?: unknown;
      postInitTemplateSQL?: string[];
      postInitTemplateSQLRefs?: unknown;
      secret?: LocalObjectReference;
      walSegmentSize?: number;
    };
    pg_basebackup?: unknown;
    recovery?: {
      backup?: LocalObjectReference;
      database?: string;
      owner?: string;
      recoveryTarget?: {
        backupID?: string;
        exclusive?: boolean;
        targetImmediate?: boolean;
        targetLSN?: string;
        targetName?: string;
        targetTLI?: string;
        targetTime?: string;
        targetXID?: string;
      };
      secret?: LocalObjectReference;
      source?: string;
      volumeSnapshots?: unknown;
    };
  };
  certificates?: unknown;
  description?: string;
  enablePDB?: boolean;
  enableSuperuserAccess?: boolean;
  env?: unknown[];
  envFrom?: unknown[];
  ephemeralVolumeSource?: unknown;
  ephemeralVolumesSizeLimit?: unknown;
  externalClusters?: unknown[];
  failoverDelay?: number;
  imageCatalogRef?: unknown;
  imageName?: string;
  imagePullPolicy?: "Always" | "Never" | "IfNotPresent";
  imagePullSecrets?: LocalObjectReference[];
  inheritedMetadata?: { annotations?: Record<string, string>; labels?: Record<string, string> };
  instances: number;
  livenessProbeTimeout?: number;
  logLevel?: "error" | "warning" | "info" | "debug" | "trace";
  managed?: {
    roles?: Array<{
      bypassrls?: boolean;
      comment?: string;
      connectionLimit?: number;
      createdb?: boolean;
      createrole?: boolean;
      disablePassword?: boolean;
      ensure?: "present" | "absent";
      inRoles?: string[];
      inherit?: boolean;
      login?: boolean;
      name: string;
      passwordSecret?: LocalObjectReference;
      replication?: boolean;
      superuser?: boolean;
      validUntil?: string;
    }>;
    services?: unknown;
  };
  maxSyncReplicas?: number;
  minSyncReplicas?: number;
  monitoring?: {
    customQueriesConfigMap?: unknown[];
    customQueriesSecret?: unknown[];
    disableDefaultQueries?: boolean;
    enablePodMonitor?: boolean;
    metricsQueriesTTL?: string;
    podMonitorMetricRelabelings?: unknown[];
    podMonitorRelabelings?: unknown[];
    tls?: unknown;
  };
  nodeMaintenanceWindow?: { inProgress?: boolean; reusePVC?: boolean };
  plugins?: unknown[];
  podSecurityContext?: unknown;
  podSelectorRefs?: unknown[];
  postgresGID?: number;
  postgresUID?: number;
  postgresql?: {
    enableAlterSystem?: boolean;
    extensions?: unknown[];
    ldap?: unknown;
    parameters?: Record<string, string>;
    pg_hba?: string[];
    pg_ident?: string[];
    promotionTimeout?: number;
    shared_preload_libraries?: string[];
    syncReplicaElectionConstraint?: unknown;
    synchronous?: {
      dataDurability?: "required" | "preferred";
      failoverQuorum?: boolean;
      maxStandbyNamesFromCluster?: number;
      method: "any" | "first";
      nodeFailureDomainKeys?: string[];
      number: number;
      podFailureDomainKeys?: string[];
      standbyNamesPost?: string[];
      standbyNamesPre?: string[];
    };
  };
  primaryLease?: unknown;
  primaryUpdateMethod?: "switchover" | "restart";
  primaryUpdateStrategy?: "unsupervised" | "supervised";
  priorityClassName?: string;
  probes?: unknown;
  projectedVolumeTemplate?: unknown;
  replica?: unknown;
  replicationSlots?: unknown;
  resources?: IResourceRequirements;
  schedulerName?: string;
  seccompProfile?: unknown;
  securityContext?: unknown;
  serviceAccountName?: string;
  serviceAccountTemplate?: unknown;
  smartShutdownTimeout?: number;
  startDelay?: number;
  stopDelay?: number;
  storage?: { pvcTemplate?: unknown; resizeInUseVolumes?: boolean; size?: Quantity; storageClass?: string };
  superuserSecret?: LocalObjectReference;
  switchoverDelay?: number;
  tablespaces?: unknown[];
  topologySpreadConstraints?: unknown[];
  walStorage?: { pvcTemplate?: unknown; resizeInUseVolumes?: boolean; size?: Quantity; storageClass?: string };
}

export interface ICluster {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Cluster";
  metadata: IObjectMeta;
  spec: ClusterSpec;
}

export interface IPooler {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Pooler";
  metadata: IObjectMeta;
  spec: {
    cluster: LocalObjectReference;
    deploymentStrategy?: unknown;
    instances?: number;
    monitoring?: unknown;
    pgbouncer: {
      authQuery?: string;
      authQuerySecret?: LocalObjectReference;
      clientCASecret?: LocalObjectReference;
      clientTLSSecret?: LocalObjectReference;
      image?: string;
      imageCatalogRef?: unknown;
      parameters?: Record<string, string>;
      paused?: boolean;
      pg_hba?: string[];
      poolMode?: "session" | "transaction";
      serverCASecret?: LocalObjectReference;
      serverTLSSecret?: LocalObjectReference;
    };
    serviceAccountName?: string;
    serviceTemplate?: unknown;
    template?: unknown;
    type?: "rw" | "ro" | "r";
  };
}

export interface IScheduledBackup {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "ScheduledBackup";
  metadata: IObjectMeta;
  spec: {
    backupOwnerReference?: "none" | "self" | "cluster";
    cluster: LocalObjectReference;
    immediate?: boolean;
    method?: "barmanObjectStore" | "volumeSnapshot" | "plugin";
    online?: boolean;
    onlineConfiguration?: unknown;
    pluginConfiguration?: unknown;
    schedule: string;
    suspend?: boolean;
    target?: "primary" | "prefer-standby";
  };
}
