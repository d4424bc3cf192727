/**
 * Following one background job of main (交换包导出, 批量生成档案): its status is asked again on
 * each progress event of that job and once a second, until it is no longer running. A status
 * that cannot be read is skipped (the next tick asks again). `follow` starts following a job
 * just started, showing `first` until the first status arrives.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../shared/api';
import { onProgress } from '../api/client';

export function useJobStatus<S extends { jobId: string; state: string }>(
  readStatus: (jobId: string) => Promise<S>,
  /** Also told of each progress event of the followed job (its label, say). */
  onJobEvent?: (e: ProgressEvent) => void,
) {
  const [status, setStatus] = useState<S | null>(null);
  const jobRef = useRef<string | null>(null);
  const read = useEffectEvent(readStatus);
  const told = useEffectEvent((e: ProgressEvent) => onJobEvent?.(e));

  useEffect(() => {
    const poll = (jobId: string) =>
      void read(jobId).then(
        (s) => {
          setStatus(s);
          if (s.state !== 'running' && jobRef.current === jobId) jobRef.current = null;
        },
        () => undefined,
      );
    const off = onProgress((e) => {
      if (e.jobId !== jobRef.current) return;
      told(e);
      poll(e.jobId);
    });
    const timer = setInterval(() => jobRef.current && poll(jobRef.current), 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, []);

  const follow = (first: S) => {
    jobRef.current = first.jobId;
    setStatus(first);
  };

  return { status, setStatus, follow };
}
