import { Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface FilterOptions {
  models: { slug: string; name: string }[];
  styles: { slug: string; name: string }[];
}

/** Search and filters as a plain GET form: the URL holds them, the server applies them. */
export function GalleryFilters({ values, options }: { values: Record<string, string>; options: FilterOptions }) {
  const active = Object.keys(values).length > 0;
  return (
    <form method="get" action="/images" role="search" aria-label="Search and filter images" className="mb-6 grid gap-3 rounded-xl border bg-card p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto] lg:items-end">
      <div className="grid gap-1.5 sm:col-span-2 lg:col-span-1">
        <Label htmlFor="q">Search prompts</Label>
        <Input id="q" name="q" type="search" defaultValue={values.q} placeholder="e.g. lighthouse" maxLength={200} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-model">Model</Label>
        <NativeSelect id="filter-model" name="model" defaultValue={values.model ?? ""}>
          <option value="">Any model</option>
          {options.models.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-style">Style</Label>
        <NativeSelect id="filter-style" name="style" defaultValue={values.style ?? ""}>
          <option value="">Any style</option>
          {options.styles.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-from">From</Label>
        <Input id="filter-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-to">To</Label>
        <Input id="filter-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit" className="flex-1 lg:flex-none">
          <Search aria-hidden />
          Apply
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href="/images">Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
