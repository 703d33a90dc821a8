"""The aggregator killed mid-batch (a real SIGKILL of the real process) and
restarted on the same store loses nothing it acknowledged; resending the
batch (retries are safe) gives exactly the view of an uninterrupted run.
Once on SQLite and once on a real PostgreSQL server (initdb in a temporary
directory, on loopback); the uninterrupted reference run is on SQLite, so the
two backends' views are also compared.
"""

import os
import subprocess
import tempfile
import threading
import unittest

import grpc

from proto.gleaner.v1 import aggregator_service_pb2
from proto.gleaner.v1 import aggregator_service_pb2_grpc
from proto.gleaner.v1 import document_pb2
from proto.gleaner.v1 import stage_pb2
from tests.integration import cluster

DOCUMENTS = 1200
KILL_AFTER = 300  # acknowledged documents before the SIGKILL
JOB = "job-restart"
COMPANIES = ["엔비디아", "오픈AI", "삼성전자", "마이크로소프트"]


def request(n):
    """Document n: '<company>가 <n>억달러를 투자했다.' with its spans."""
    company = COMPANIES[n % len(COMPANIES)]
    amount = f"{n + 1}억달러"
    text = f"{company}가 {amount}를 투자했다."
    raw = text.encode("utf-8")
    entity_end = len(company.encode("utf-8"))
    amount_begin = raw.index(amount.encode("utf-8"))
    result = document_pb2.DocumentResult(id=f"doc-{n:05d}", text=text)
    result.page.publisher.value = "outlet-%d" % (n % 3)
    result.sentences.add(begin=0, end=len(raw))
    result.entities.add(begin=0, end=entity_end, text=company, canonical=company,
                        type=document_pb2.ENTITY_TYPE_ORGANIZATION)
    result.amounts.add(begin=amount_begin,
                       end=amount_begin + len(amount.encode("utf-8")),
                       text=amount, kind=document_pb2.AMOUNT_KIND_MONEY,
                       value=str((n + 1) * 100000000), currency="USD")
    result.duplicate.kind = document_pb2.DUPLICATE_KIND_UNIQUE
    return stage_pb2.StageRequest(job_id=JOB, result=result)


def send_all(stub, requests, acked, stop):
    """Sends until done or `stop`; appends the ids the server acknowledged."""
    for req in requests:
        if stop.is_set():
            return
        try:
            response = stub.Process(req, timeout=10)
        except grpc.RpcError:
            continue  # the server is gone: not acknowledged
        if not response.HasField("error"):
            acked.append(req.result.id)


def view(stub):
    return stub.GetView(aggregator_service_pb2.GetViewRequest(job_id=JOB),
                        timeout=30)


def in_document_order(corpus_view):
    """The view with each entity's amounts by document id: after a restart
    and a resend, documents arrived in another order than in a clean run."""
    for entity in corpus_view.amounts_by_entity:
        amounts = sorted(entity.amounts, key=lambda a: a.document_id)
        del entity.amounts[:]
        entity.amounts.extend(amounts)
    return corpus_view


class PostgresServer:
    """services/store's throwaway PostgreSQL server, alive until close()."""

    def __init__(self):
        self.process = subprocess.Popen(
            [cluster.runfile("services/store/postgres_test_server_main")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.store = None
        for line in self.process.stdout:
            if line.startswith("POSTGRES "):
                self.store = line[len("POSTGRES "):].strip()
                break
        if self.store is None:
            self.process.wait()
            raise RuntimeError("postgres_test_server_main did not start a server")

    def close(self):
        self.process.stdin.close()  # the server is stopped and deleted
        self.process.wait(timeout=120)
        self.process.stdout.close()


class SqliteRestartTest(unittest.TestCase):
    """The kill and restart on the default backend."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gleaner-restart-")
        self.requests = [request(n) for n in range(DOCUMENTS)]

    def store(self):
        """The --store of the killed and restarted aggregator."""
        return "sqlite:" + os.path.join(self.tmp, "store.db")

    def start(self, store):
        return cluster.Server("aggregator", [f"--store={store}"])

    def test_sigkill_mid_batch_loses_nothing_acknowledged(self):
        server = self.start(self.store())
        try:
            channel = grpc.insecure_channel(server.address)
            stub = aggregator_service_pb2_grpc.AggregatorStub(channel)
            acked, stop = [], threading.Event()
            quarters = [self.requests[i::4] for i in range(4)]
            senders = [threading.Thread(target=send_all,
                                        args=(stub, q, acked, stop))
                       for q in quarters]
            for t in senders:
                t.start()
            # Kill on a real condition: enough acknowledgements seen.
            while len(acked) < KILL_AFTER and any(t.is_alive() for t in senders):
                threading.Event().wait(0.005)
            server.kill()
            stop.set()
            for t in senders:
                t.join()
            channel.close()
            self.assertGreaterEqual(len(acked), KILL_AFTER)
            self.assertLess(len(acked), DOCUMENTS, "the kill came too late")
        finally:
            server.kill()

        restarted = self.start(self.store())
        try:
            channel = grpc.insecure_channel(restarted.address)
            stub = aggregator_service_pb2_grpc.AggregatorStub(channel)
            after = view(stub)
            # Every acknowledged document is in; the view says how many.
            self.assertGreaterEqual(after.documents, len(acked))
            self.assertLessEqual(after.documents, DOCUMENTS)
            listed = set()
            for company in COMPANIES:
                docs = stub.ListEntityDocuments(
                    aggregator_service_pb2.EntityDocumentsRequest(
                        job_id=JOB, canonical=company,
                        type=document_pb2.ENTITY_TYPE_ORGANIZATION,
                        limit=DOCUMENTS), timeout=30)
                listed.update(d.document_id for d in docs.documents)
            self.assertEqual(set(acked) - listed, set())
            self.assertEqual(len(listed), after.documents)

            # The client resends the batch: nothing is counted twice.
            send_all(stub, self.requests, [], threading.Event())
            resumed = view(stub)
            channel.close()
        finally:
            restarted.kill()

        clean = self.start("sqlite:" + os.path.join(self.tmp, "clean.db"))
        try:
            channel = grpc.insecure_channel(clean.address)
            stub = aggregator_service_pb2_grpc.AggregatorStub(channel)
            send_all(stub, self.requests, [], threading.Event())
            expected = view(stub)
            channel.close()
        finally:
            clean.kill()
        self.assertEqual(resumed.documents, DOCUMENTS)
        self.assertEqual(in_document_order(resumed), in_document_order(expected))
        total = sum(int(e.totals[0].total) for e in resumed.amounts_by_entity)
        self.assertEqual(total, sum((n + 1) * 100000000 for n in range(DOCUMENTS)))


class PostgresRestartTest(SqliteRestartTest):
    """The same on PostgreSQL: the store a team shares."""

    def setUp(self):
        super().setUp()
        self.postgres = PostgresServer()
        self.addCleanup(self.postgres.close)
        self.assertTrue(self.postgres.store.startswith("postgresql:"), self.postgres.store)

    def store(self):
        return self.postgres.store


if __name__ == "__main__":
    unittest.main()
