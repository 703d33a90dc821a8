"""Renders the Kubernetes overlays with `kubectl kustomize` and checks what
must hold before they reach a cluster: probes, resources and a non-root
security context on every container, a headless Service per worker kind,
autoscalers and disruption budgets, one image reference, a dedup shard count
that agrees everywhere, and flags and ports that the real binaries accept
(read from their --helpfull). compose.yaml gets the same flag check.

No cluster is contacted: rendering is local.
"""

import os
import re
import shlex
import shutil
import subprocess
import tempfile
import unittest

import yaml

WORKSPACE = os.path.join(os.environ.get("TEST_SRCDIR", "."),
                         os.environ.get("TEST_WORKSPACE", "gleaner"))
OVERLAYS = ("dev", "production")
BINARIES = {
    "dedup_server": "workers/dedup/dedup_server",
    "sentence_server": "workers/sentence/sentence_server",
    "extract_server": "workers/extract/extract_server",
    "aggregator_server": "services/aggregator/aggregator_server",
    "coordinator_server": "services/coordinator/coordinator_server",
}
# Worker kinds reached by the coordinator through a headless Service.
WORKER_KINDS = ("dedup", "sentence", "extract", "aggregator")
AUTOSCALED = ("sentence", "extract")


def path(relative):
    return os.path.join(WORKSPACE, relative)


def binary_flags(name):
    """The flag names a server binary accepts, from its --helpfull."""
    out = subprocess.run([path(BINARIES[name]), "--helpfull"],
                         capture_output=True, text=True, check=False)
    flags = set(re.findall(r"^\s+--(\w+) \(", out.stdout + out.stderr, re.M))
    if "port" not in flags:
        raise AssertionError(f"could not read the flags of {name}: {out.stderr}")
    return flags


def render(overlay, tree):
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        raise AssertionError("kubectl is missing: tools/install_deps.sh installs it")
    out = subprocess.run(
        [kubectl, "kustomize", os.path.join(tree, "overlays", overlay)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "HOME": os.environ.get("TEST_TMPDIR", "/tmp")})
    if out.returncode != 0:
        raise AssertionError(f"kubectl kustomize {overlay} failed: {out.stderr}")
    return [doc for doc in yaml.safe_load_all(out.stdout) if doc]


def command_line(container):
    """The server invocation a container runs, as (binary, {flag: value})."""
    words = list(container.get("command", [])) + list(container.get("args", []))
    if words[:2] == ["/bin/sh", "-c"]:
        script = " ".join(words[2:])
        words = shlex.split(script.split("exec ", 1)[1])
    binary, flags = words[0], {}
    for word in words[1:]:
        match = re.fullmatch(r"--(\w+)(?:=(.*))?", word)
        if match is None:
            raise AssertionError(f"unexpected argument {word!r} in {container['name']}")
        flags[match.group(1)] = match.group(2)
    return binary, flags


def copy_of_manifests():
    """A real copy of deploy/kubernetes: kustomize does not accept the
    symlinks that make up the test's runfiles."""
    tree = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    target = os.path.join(tree, "kubernetes")
    shutil.copytree(path("deploy/kubernetes"), target)
    return target


class Rendered:
    def __init__(self, overlay, tree):
        self.overlay = overlay
        self.docs = render(overlay, tree)

    def of_kind(self, kind):
        return [d for d in self.docs if d["kind"] == kind]

    def named(self, kind, name):
        found = [d for d in self.of_kind(kind) if d["metadata"]["name"] == name]
        if len(found) != 1:
            raise AssertionError(f"{self.overlay}: expected one {kind} {name}, got {len(found)}")
        return found[0]

    def workloads(self):
        return self.of_kind("Deployment") + self.of_kind("StatefulSet")


class ManifestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        tree = copy_of_manifests()
        cls.rendered = {o: Rendered(o, tree) for o in OVERLAYS}
        cls.flags = {name: binary_flags(name) for name in BINARIES}

    def each_container(self):
        for overlay, rendered in self.rendered.items():
            for workload in rendered.workloads():
                pod = workload["spec"]["template"]["spec"]
                for container in pod["containers"]:
                    yield overlay, workload, pod, container

    def test_every_container_has_probes_resources_and_runs_as_non_root(self):
        for overlay, workload, pod, container in self.each_container():
            where = f"{overlay}/{workload['metadata']['name']}/{container['name']}"
            with self.subTest(where):
                for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                    self.assertIn("grpc", container.get(probe, {}), f"{where}: {probe}")
                resources = container.get("resources", {})
                for bound in ("requests", "limits"):
                    for resource in ("cpu", "memory"):
                        self.assertIn(resource, resources.get(bound, {}),
                                      f"{where}: {bound}.{resource}")
                pod_security = pod.get("securityContext", {})
                self.assertTrue(pod_security.get("runAsNonRoot"), where)
                self.assertNotEqual(pod_security.get("runAsUser", 0), 0, where)
                security = container.get("securityContext", {})
                self.assertIs(security.get("allowPrivilegeEscalation"), False, where)
                self.assertIn("ALL", security.get("capabilities", {}).get("drop", []), where)

    def test_drain_fits_in_the_grace_period(self):
        for overlay, workload, pod, container in self.each_container():
            where = f"{overlay}/{workload['metadata']['name']}"
            with self.subTest(where):
                pre_stop = container["lifecycle"]["preStop"]["exec"]["command"]
                self.assertEqual(pre_stop[0], "/bin/sleep", where)
                grace = pod["terminationGracePeriodSeconds"]
                self.assertGreater(grace, int(pre_stop[1]) + 30, where)

    def test_servers_listen_on_the_pod_network(self):
        # Servers bind 127.0.0.1 unless told otherwise; in a pod that would
        # make them unreachable from the Service and the probes.
        for overlay, workload, pod, container in self.each_container():
            _, flags = command_line(container)
            self.assertEqual(flags.get("listen"), "0.0.0.0", f"{overlay}/{container['name']}")

    def test_probes_and_ports_agree_with_the_port_flags(self):
        # The servers speak TLS on --port; Kubernetes' grpc probe speaks no
        # TLS, so it asks the plaintext, health-only --health_port.
        for overlay, workload, pod, container in self.each_container():
            binary, flags = command_line(container)
            port, health_port = int(flags["port"]), int(flags["health_port"])
            where = f"{overlay}/{container['name']}"
            ports = {p["name"]: p["containerPort"] for p in container["ports"]}
            self.assertEqual(ports.get("grpc"), port, where)
            self.assertEqual(ports.get("health"), health_port, where)
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                self.assertEqual(container[probe]["grpc"]["port"], health_port, where)

    def assert_tls_from_secrets(self, where, flags, pod, container):
        """TLS flags set, no --plaintext, and the files in read-only mounted
        Secrets (the coordinator's token file too)."""
        self.assertNotIn("plaintext", flags, where)
        files = [flags.get(f) for f in ("tls_cert", "tls_key", "tls_ca")]
        if "token_file" in flags or container["name"] == "coordinator":
            files.append(flags.get("token_file"))
        secrets = {v["name"]: v["secret"]["secretName"] for v in pod.get("volumes", [])
                   if "secret" in v}
        mounts = {m["mountPath"]: m for m in container.get("volumeMounts", [])}
        for file in files:
            self.assertTrue(file, f"{where}: missing a TLS or token flag: {flags}")
            mount = mounts.get(os.path.dirname(file))
            self.assertIsNotNone(mount, f"{where}: {file} is not on a mounted volume")
            self.assertIn(mount["name"], secrets, f"{where}: {file} is not from a Secret")
            self.assertTrue(mount.get("readOnly"), f"{where}: {file} mounted writable")
        # Each service has its own certificate: one pod's key is not another's.
        self.assertEqual(secrets[mounts[os.path.dirname(flags["tls_cert"])]["name"]],
                         f"gleaner-tls-{container['name']}", where)

    def test_every_server_runs_tls_from_its_own_secret(self):
        for overlay, workload, pod, container in self.each_container():
            _, flags = command_line(container)
            where = f"{overlay}/{container['name']}"
            with self.subTest(where):
                self.assert_tls_from_secrets(where, flags, pod, container)

    def test_every_server_exposes_metrics_where_prometheus_scrapes(self):
        # The metrics endpoint is off unless --metrics_port is given; the
        # container port named "metrics" and the pod's scrape annotations
        # must name that same port.
        for overlay, workload, pod, container in self.each_container():
            binary, flags = command_line(container)
            where = f"{overlay}/{container['name']}"
            with self.subTest(where):
                self.assertIn("metrics_port", self.flags[binary], where)
                self.assertIn("metrics_port", flags, where)
                metrics_port = int(flags["metrics_port"])
                self.assertGreater(metrics_port, 0, where)
                ports = {p["name"]: p["containerPort"] for p in container["ports"]}
                self.assertEqual(ports, {"grpc": int(flags["port"]),
                                         "health": int(flags["health_port"]),
                                         "metrics": metrics_port}, where)
                annotations = workload["spec"]["template"]["metadata"].get(
                    "annotations", {})
                self.assertEqual(annotations.get("prometheus.io/scrape"), "true", where)
                self.assertEqual(annotations.get("prometheus.io/port"),
                                 str(metrics_port), where)
                self.assertEqual(annotations.get("prometheus.io/path"), "/metrics", where)

    def test_flags_exist_in_the_binaries(self):
        for overlay, workload, pod, container in self.each_container():
            binary, flags = command_line(container)
            with self.subTest(f"{overlay}/{container['name']}"):
                self.assertIn(binary, self.flags)
                unknown = set(flags) - self.flags[binary]
                self.assertFalse(unknown, f"{binary} has no flags {sorted(unknown)}")

    def test_every_worker_kind_has_a_headless_service_on_its_port(self):
        for overlay, rendered in self.rendered.items():
            for kind in WORKER_KINDS:
                with self.subTest(f"{overlay}/{kind}"):
                    service = rendered.named("Service", f"gleaner-{kind}")
                    self.assertEqual(service["spec"].get("clusterIP"), "None")
                    workload = next(w for w in rendered.workloads()
                                    if w["metadata"]["name"] == f"gleaner-{kind}")
                    labels = workload["spec"]["template"]["metadata"]["labels"]
                    for key, value in service["spec"]["selector"].items():
                        self.assertEqual(labels.get(key), value)
                    container = workload["spec"]["template"]["spec"]["containers"][0]
                    _, flags = command_line(container)
                    self.assertEqual([p["port"] for p in service["spec"]["ports"]],
                                     [int(flags["port"])])

    def test_autoscalers_and_disruption_budgets(self):
        for overlay, rendered in self.rendered.items():
            for kind in AUTOSCALED:
                hpa = rendered.named("HorizontalPodAutoscaler", f"gleaner-{kind}")
                self.assertEqual(hpa["spec"]["scaleTargetRef"]["name"], f"gleaner-{kind}")
                self.assertLessEqual(hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"])
            for kind in ("dedup", "sentence", "extract", "coordinator"):
                rendered.named("PodDisruptionBudget", f"gleaner-{kind}")

    def test_one_image_with_a_registry_and_a_pinned_tag(self):
        for overlay, rendered in self.rendered.items():
            images = {c["image"] for w in rendered.workloads()
                      for c in w["spec"]["template"]["spec"]["containers"]}
            self.assertEqual(len(images), 1, f"{overlay}: {images}")
            name, _, tag = images.pop().rpartition(":")
            self.assertIn("/", name, f"{overlay}: no registry in {name}")
            self.assertTrue(tag and tag != "latest", f"{overlay}: tag {tag!r}")

    def test_dedup_shard_count_is_one_parameter(self):
        counts = set()
        for overlay, rendered in self.rendered.items():
            shards = rendered.named("StatefulSet", "gleaner-dedup")
            replicas = shards["spec"]["replicas"]
            counts.add(replicas)
            for name, kind in (("gleaner-dedup", "StatefulSet"),
                               ("gleaner-coordinator", "Deployment")):
                container = rendered.named(kind, name)["spec"]["template"]["spec"]["containers"][0]
                env = {e["name"]: e["value"] for e in container.get("env", [])}
                self.assertEqual(env.get("NUM_SHARDS"), str(replicas), f"{overlay}/{name}")
            dedup = shards["spec"]["template"]["spec"]["containers"][0]
            _, flags = command_line(dedup)
            self.assertEqual(flags["num_shards"], "${NUM_SHARDS}")
            self.assertEqual(flags["shard_index"], "${HOSTNAME##*-}")  # pod ordinal
        self.assertGreater(len(counts), 1, "overlays should differ in shard count")

    def test_coordinator_targets_name_services_and_ports(self):
        for overlay, rendered in self.rendered.items():
            coordinator = rendered.named("Deployment", "gleaner-coordinator")
            _, flags = command_line(coordinator["spec"]["template"]["spec"]["containers"][0])
            for stage in ("sentence", "extract", "aggregator"):
                target = flags[stage].replace("dns:///", "")
                host, port = target.rsplit(":", 1)
                service = rendered.named("Service", host)
                self.assertEqual([p["port"] for p in service["spec"]["ports"]], [int(port)])

    def test_coordinators_share_one_journal_volume(self):
        # Any replica answers a job's status and resumes it from the journal,
        # so every replica must mount the same ReadWriteMany claim.
        for overlay, rendered in self.rendered.items():
            coordinator = rendered.named("Deployment", "gleaner-coordinator")
            pod = coordinator["spec"]["template"]["spec"]
            container = pod["containers"][0]
            _, flags = command_line(container)
            journal = flags.get("journal_dir")
            self.assertTrue(journal, f"{overlay}: no --journal_dir")
            mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
            self.assertIn(journal, mounts, f"{overlay}: {journal} is not mounted")
            volume = next(v for v in pod["volumes"] if v["name"] == mounts[journal])
            claim = rendered.named("PersistentVolumeClaim",
                                   volume["persistentVolumeClaim"]["claimName"])
            self.assertEqual(claim["spec"]["accessModes"], ["ReadWriteMany"], overlay)
        production = self.rendered["production"].named("Deployment", "gleaner-coordinator")
        self.assertGreater(production["spec"]["replicas"], 1)

    def test_compose_file_uses_real_flags(self):
        with open(path("deploy/compose.yaml"), encoding="utf-8") as f:
            compose = yaml.safe_load(f)
        for name, service in compose["services"].items():
            with self.subTest(name):
                binary, flags = command_line({"name": name, "command": service["command"]})
                self.assertFalse(set(flags) - self.flags[binary])
                self.assertGreater(int(flags.get("metrics_port", "-1")), 0,
                                   f"{name}: no metrics endpoint")
                # TLS, like the cluster: the certificates come from ./certs.
                self.assertNotIn("plaintext", flags, name)
                for flag in ("tls_cert", "tls_key", "tls_ca"):
                    self.assertTrue(flags.get(flag, "").startswith("/etc/gleaner/tls/"),
                                    f"{name}: --{flag}")
                self.assertIn("./certs:/etc/gleaner/tls:ro", service.get("volumes", []), name)
                if name == "coordinator":
                    self.assertTrue(flags.get("token_file", "").startswith("/etc/gleaner/tls/"))


if __name__ == "__main__":
    unittest.main()
