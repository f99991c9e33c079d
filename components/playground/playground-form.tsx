"use client";

import { WandSparkles } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { submitGenerationAction, type Submitted } from "@/app/(dashboard)/playground/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatNumber } from "@/lib/dashboard/format";
import type { BatchView } from "@/lib/generation/schemas";
import { BatchProgress, isFinished } from "./batch-progress";
import type { PlaygroundCatalog, PlaygroundInitial } from "./types";
import { ViewCode } from "./view-code";

const MAX_PROMPT = 4000;
// The count appears once a prompt comes within this many characters of the limit.
const COUNT_FROM = 3500;
const POLL_MS = 700;

export function PlaygroundForm({
  catalog,
  balance: initialBalance,
  initial,
  appUrl,
}: {
  catalog: PlaygroundCatalog;
  balance: number;
  /** The form's starting values: the catalog's defaults, or a remixed image's options. */
  initial: PlaygroundInitial;
  appUrl: string;
}) {
  const router = useRouter();
  const [prompt, setPrompt] = useState(initial.prompt);
  const promptLength = prompt.length;
  const [model, setModel] = useState(initial.model);
  const [style, setStyle] = useState(initial.style);
  const [shape, setShape] = useState(initial.shape);
  const [quality, setQuality] = useState<"standard" | "hd">(initial.quality);
  const [count, setCount] = useState(1);
  const [promptError, setPromptError] = useState<string | null>(null);
  const promptField = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [balance, setBalance] = useState(initialBalance);
  const [submitting, startSubmit] = useTransition();

  const chosenModel = catalog.models.find((m) => m.slug === model);
  const chosenStyle = useMemo(() => catalog.styleGroups.flatMap((g) => g.styles).find((s) => s.slug === style), [catalog, style]);
  const unit = chosenModel ? chosenModel.pricing[quality] : 0;
  const cost = unit * count;
  const running = !!submitted && !isFinished(batch);

  // Poll the batch until it settles; a network hiccup just waits for the next tick.
  useEffect(() => {
    if (!submitted) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(`/api/dashboard/batches/${submitted.batchId}`, { cache: "no-store" });
        if (res.status === 401) {
          setError("Your session has ended. Sign in again to see the result.");
          return;
        }
        if (res.ok) {
          const b = (await res.json()) as BatchView;
          if (stop) return;
          setBatch(b);
          if (isFinished(b)) {
            setBalance(submitted.balance + b.creditsRefunded);
            router.refresh();
            return;
          }
        }
      } catch {
        /* retried on the next tick */
      }
      if (!stop) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [submitted, router]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const text = prompt.trim();
    setError(null);
    if (!text) {
      setPromptError("Describe the image you want, e.g. “a lighthouse at dusk, watercolor”.");
      // The field is at the top of a long form: on a phone the button is a screen away. Centred,
      // so its label and the message show too (focus alone scrolls just to the field's edge).
      promptField.current?.focus({ preventScroll: true });
      promptField.current?.scrollIntoView({ block: "center" });
      return;
    }
    setPromptError(null);
    startSubmit(async () => {
      const r = await submitGenerationAction({ prompt: text, model, style, shape, quality, count });
      if (!r.ok) {
        // The last result's status ("Done: 1 of 1") would read as this attempt's outcome.
        setSubmitted(null);
        setBatch(null);
        setError(r.error);
        return;
      }
      setBatch(null);
      setBalance(r.data.balance);
      setSubmitted(r.data);
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[26rem_minmax(0,1fr)]">
      <Card>
        <CardHeader>
          <CardTitle>Describe your image</CardTitle>
          <CardDescription>Prices are in credits per image and shown before you generate.</CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Generate images">
            <div className="grid gap-2">
              <Label htmlFor="prompt">Prompt</Label>
              <Textarea
                ref={promptField}
                id="prompt"
                name="prompt"
                rows={4}
                maxLength={MAX_PROMPT}
                placeholder="A red fox in a snowy forest at sunrise"
                value={prompt}
                onChange={(e) => {
                  setPrompt(e.target.value);
                  if (promptError) setPromptError(null);
                }}
                aria-invalid={promptError ? true : undefined}
                aria-describedby={[promptError ? "prompt-error" : "", promptLength >= COUNT_FROM ? "prompt-count" : ""].join(" ").trim() || undefined}
              />
              {promptError ? (
                <p id="prompt-error" role="alert" className="text-sm text-destructive">
                  {promptError}
                </p>
              ) : null}
              {promptLength >= COUNT_FROM ? (
                <p id="prompt-count" data-testid="prompt-count" className={promptLength >= MAX_PROMPT ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
                  {formatNumber(promptLength)} / {formatNumber(MAX_PROMPT)} characters
                  {promptLength >= MAX_PROMPT ? " — the limit" : ""}
                </p>
              ) : null}
            </div>

            <div className="grid gap-2">
              <Label htmlFor="model">Model</Label>
              <NativeSelect id="model" name="model" value={model} onChange={(e) => setModel(e.target.value)} aria-describedby="model-hint">
                <optgroup label="Available on this server">
                  {catalog.models
                    .filter((m) => m.available)
                    .map((m) => (
                      <option key={m.slug} value={m.slug}>
                        {m.name} · {m.pricing.standard} cr (HD {m.pricing.hd})
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Needs a provider key on this server">
                  {catalog.models
                    .filter((m) => !m.available)
                    .map((m) => (
                      <option key={m.slug} value={m.slug} disabled>
                        {m.name} · {m.pricing.standard} cr (HD {m.pricing.hd})
                      </option>
                    ))}
                </optgroup>
              </NativeSelect>
              <p id="model-hint" className="line-clamp-3 text-xs text-muted-foreground" title={chosenModel?.description}>
                {chosenModel?.description}
              </p>
            </div>

            <div className="grid gap-2">
              <Label htmlFor="style">Style</Label>
              <div className="flex items-center gap-3">
                <NativeSelect id="style" name="style" value={style} onChange={(e) => setStyle(e.target.value)} className="flex-1">
                  {catalog.styleGroups.map((g) => (
                    <optgroup key={g.category} label={g.category}>
                      {g.styles.map((s) => (
                        <option key={s.slug} value={s.slug}>
                          {s.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </NativeSelect>
                {chosenStyle ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={chosenStyle.preview}
                    alt={`Preview of the ${chosenStyle.name} style`}
                    className="size-12 shrink-0 rounded-md border object-cover"
                  />
                ) : null}
              </div>
            </div>

            <div className="grid gap-3 sm:grid-cols-2">
              <div className="grid gap-2">
                <Label htmlFor="shape">Shape</Label>
                <NativeSelect id="shape" name="shape" value={shape} onChange={(e) => setShape(e.target.value)}>
                  {catalog.shapes.map((s) => (
                    <option key={s.slug} value={s.slug}>
                      {s.name} ({s.aspectRatio})
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <div className="grid gap-2">
                <Label htmlFor="count">Count</Label>
                <NativeSelect id="count" name="count" value={count} onChange={(e) => setCount(Number(e.target.value))}>
                  {[1, 2, 3, 4].map((n) => (
                    <option key={n} value={n}>
                      {n} {n === 1 ? "image" : "images"}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            </div>

            <fieldset className="grid gap-2">
              <legend className="mb-2 text-sm font-medium">Quality</legend>
              <div className="grid grid-cols-2 gap-2">
                {(["standard", "hd"] as const).map((q) => (
                  <label
                    key={q}
                    className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
                  >
                    <input
                      type="radio"
                      name="quality"
                      value={q}
                      checked={quality === q}
                      onChange={() => setQuality(q)}
                      className="accent-primary"
                    />
                    <span className="font-medium">{q === "hd" ? "HD" : "Standard"}</span>
                    <span className="ml-auto text-xs text-muted-foreground">{chosenModel?.pricing[q] ?? "—"} cr</span>
                  </label>
                ))}
              </div>
            </fieldset>

            <div className="rounded-lg border bg-muted/50 px-3 py-2.5 text-sm" aria-live="polite" data-testid="cost-summary">
              <div className="flex items-center justify-between">
                <span className="text-muted-foreground">Cost</span>
                <span className="font-semibold">
                  {formatNumber(cost)} {cost === 1 ? "credit" : "credits"}
                </span>
              </div>
              <div className="flex items-center justify-between text-xs text-muted-foreground">
                <span>
                  {unit} × {count} {count === 1 ? "image" : "images"}
                </span>
                <span>Balance {formatNumber(balance)}</span>
              </div>
              {cost > balance ? (
                <p className="mt-1 text-xs text-destructive">This costs more than your balance. Lower the count or quality.</p>
              ) : null}
            </div>

            {error ? (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            ) : null}

            <SubmitButton
              className="w-full"
              size="lg"
              scripted
              pending={submitting || running}
              pendingText={submitting ? "Submitting…" : "Generating…"}
            >
              <WandSparkles aria-hidden />
              Generate
            </SubmitButton>
          </form>
        </CardContent>
      </Card>

      <div className="grid min-w-0 content-start gap-6">
        <Card className="min-h-80">
          <CardHeader>
            <CardTitle>Result</CardTitle>
            <CardDescription>Images also appear in your gallery and are charged only if they complete.</CardDescription>
          </CardHeader>
          <CardContent>
            {submitted ? (
              <BatchProgress batch={batch} count={submitted.count} />
            ) : (
              <div className="flex h-56 flex-col items-center justify-center gap-2 rounded-lg border border-dashed text-center text-sm text-muted-foreground">
                <WandSparkles className="size-6" aria-hidden />
                Your images will appear here.
              </div>
            )}
          </CardContent>
        </Card>
        <ViewCode appUrl={appUrl} input={{ prompt, model, style, shape, quality, count }} />
      </div>
    </div>
  );
}
