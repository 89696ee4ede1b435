// A thread starts with nothing loaded: the contracts' decorators need reflect-metadata, as in main.ts.
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { runTrainingJob, type TrainingJobInput } from './training-job';

// Entry of a training worker thread: trains off the main event loop, so the service keeps answering predictions.
if (parentPort) {
  const port = parentPort;
  void runTrainingJob(workerData as TrainingJobInput, (message) => port.postMessage(message));
}
