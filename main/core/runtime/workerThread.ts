/** Worker-thread start-up for the layers that reach main/files only through core (main/dossier). */
export { startWorker, workerSource, type WorkerSource } from '../../files/workerThread';
