import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api';
import { call, errorMessage } from './client';

export interface CallState<T> {
  data: T | undefined;
  /** The `key` whose call answered `data` (undefined before the first answer): tells a stale answer from the current one. */
  dataKey: string | undefined;
  loading: boolean;
  error: string | null;
  reload: () => void;
  /** Changes the answer held (e.g. rows a save returned) without calling again; nothing before the first answer. */
  update: (fn: (data: T) => T) => void;
}

/**
 * Calls a channel whenever `key` changes (pass a stable string built from the input);
 * `input === null` skips the call. Late answers of superseded calls are dropped.
 */
export function useCall<C extends Channel>(channel: C, input: ChannelInput<C> | null, key: string): CallState<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C>>();
  const [dataKey, setDataKey] = useState<string>();
  const [loading, setLoading] = useState(input !== null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const current = inputRef.current;
    if (current === null) {
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    call(channel, current).then(
      (v) => {
        if (mine !== seq.current) return;
        setData(v);
        setDataKey(key);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
  }, [channel, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const update = useCallback((fn: (d: ChannelOutput<C>) => ChannelOutput<C>) => setData((d) => (d === undefined ? d : fn(d))), []);
  return { data, dataKey, loading, error, reload, update };
}
