{{/* Names and labels shared by every template. */}}
{{- define "iotahome.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "iotahome.baseLabels" -}}
app.kubernetes.io/part-of: iotahome
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "iotahome.labels" -}}
{{ include "iotahome.baseLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The labels of one role's objects: (dict "root" $ "role" "home") */}}
{{- define "iotahome.roleLabels" -}}
{{ include "iotahome.baseLabels" .root }}
{{ include "iotahome.selector" . }}
{{- end -}}

{{/* Selector labels of one role: (dict "root" $ "role" "home") */}}
{{- define "iotahome.selector" -}}
app.kubernetes.io/name: {{ .role }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The image of one role: (dict "root" $ "name" "home") */}}
{{- define "iotahome.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- if $registry -}}
{{ printf "%s/%s:%s" (trimSuffix "/" $registry) .name .root.Values.image.tag }}
{{- else -}}
{{ printf "iotahome/%s:%s" .name .root.Values.image.tag }}
{{- end -}}
{{- end -}}

{{- define "iotahome.secretName" -}}
{{- default (printf "%s-secrets" (include "iotahome.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "iotahome.databaseSecretName" -}}
{{- default (printf "%s-database" (include "iotahome.fullname" .)) .Values.secrets.existingDatabaseSecret -}}
{{- end -}}

{{/* The container's hardening, the same for every role. */}}
{{- define "iotahome.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Quarkus health as probes: started and live from /q/health/live, ready from /q/health/ready. */}}
{{- define "iotahome.probes" -}}
startupProbe:
  httpGet: {path: /q/health/started, port: http}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 10
  failureThreshold: 3
{{- end -}}

{{/*
A value of the chart's Secret: the one given, else the one already in the cluster (so an upgrade
keeps it), else a fresh random one. (dict "root" $ "key" "home-session-key" "given" .Values.secrets.homeSessionKey)
*/}}
{{- define "iotahome.secretValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace (printf "%s-secrets" (include "iotahome.fullname" .root)) -}}
{{- if .given -}}
{{ .given | b64enc }}
{{- else if and $existing (index $existing.data .key) -}}
{{ index $existing.data .key }}
{{- else -}}
{{ randAlphaNum 40 | b64enc }}
{{- end -}}
{{- end -}}

{{/* How browsers reach a role through the Ingress: (dict "root" $ "host" .Values.ingress.home.host) */}}
{{- define "iotahome.publicUrl" -}}
{{- $tls := false -}}
{{- range .root.Values.ingress.tls -}}{{- if has $.host .hosts -}}{{- $tls = true -}}{{- end -}}{{- end -}}
{{ printf "%s://%s" (ternary "https" "http" $tls) .host }}
{{- end -}}

{{/* Environment every Quarkus role behind the Ingress shares. */}}
{{- define "iotahome.commonEnv" -}}
- name: IOTA_PROVIDER
  value: {{ printf "http://%s-tangle-node:14265" (include "iotahome.fullname" .) | quote }}
- name: IOTA_MIN_WEIGHT_MAGNITUDE
  value: {{ .Values.minWeightMagnitude | quote }}
- name: QUARKUS_HTTP_PORT
  value: "8080"
# The Ingress terminates TLS: the scheme and host browsers used come in X-Forwarded-* headers.
- name: QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING
  value: "true"
- name: QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST
  value: "true"
- name: JAVA_TOOL_OPTIONS
  value: "-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
{{- end -}}
